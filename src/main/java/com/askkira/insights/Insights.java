package com.askkira.insights;

import com.askkira.config.InvalidConfigException;
import com.askkira.embedding.Embedder;
import com.askkira.privacy.PiiRedactor;
import com.askkira.store.DateRange;
import com.askkira.store.Store;
import com.askkira.store.StoreException;
import com.askkira.store.StoredAnswer;
import com.askkira.store.StoredVote;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what readers ask and how Kira answers, in the {@link Store}: every answer with its day,
 * decline reason, crisis flag, cited sections and redacted question (none for a crisis message),
 * and each reader's one vote, a down vote with its redacted comment. Replicas that share a
 * PostgreSQL store share one set of insights: a vote is taken on any answer the store still holds,
 * whichever replica gave it, once. Rows older than the retention period are deleted by {@link
 * #enforceRetention}. A JSON-lines file of an older Kira ({@code KIRA_INSIGHTS_FILE}) is read into
 * the store once ({@link #importFile}).
 */
public final class Insights {
    private static final Logger LOG = LoggerFactory.getLogger(Insights.class);

    /** The not-covered questions a report groups: the newest this many. */
    static final int MAX_KEPT = 5_000;

    static final int TOP = 20;
    static final int EXAMPLES = 3;
    /** The down votes a report lists, newest first. */
    static final int MAX_DOWN_VOTES = 200;
    /** The longest comment kept with a vote, as long as the HTTP API accepts. */
    public static final int MAX_COMMENT_CHARS = 2_000;
    /** How long readers' rows are kept unless KIRA_RETENTION_DAYS says otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** Questions per call to the embedder when a report groups new ones. */
    private static final int EMBEDDING_BATCH = 64;
    /** Two not-covered questions this close in meaning are one gap (paraphrases measured 0.76–0.86, other topics at most 0.70). */
    static final double SAME_GAP = 0.75;

    private static final List<String> REASONS = List.of("not_covered", "out_of_scope", "unsafe");

    private final Embedder embedder;
    private final PiiRedactor redactor;
    private final Store store;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** Answers not stored since the store last failed; 0 while it works. */
    private final AtomicLong unsaved = new AtomicLong();

    private int malformedLines;

    /**
     * Held by {@link #report} alone, never by an answer: the report embeds questions (a model call
     * each, minutes for thousands) without holding up the store that answers write to.
     */
    private final Object reportLock = new Object();
    /** Embeddings of the not-covered questions grouped last, by question; pruned to them by each report. */
    private final Map<String, float[]> vectors = new HashMap<>();

    public Insights(Embedder embedder, PiiRedactor redactor, Store store, Clock clock) {
        this.embedder = embedder;
        this.redactor = redactor;
        this.store = store;
        this.clock = clock;
    }

    /** Insights in a private in-memory store, with {@code file} (an older Kira's JSON lines) read into it. */
    public Insights(Embedder embedder, PiiRedactor redactor, Optional<Path> file, Clock clock) {
        this(embedder, redactor, Store.inMemory(), clock);
        file.ifPresent(this::importFile);
    }

    /**
     * One answer given; {@code question} is already redacted, and null for a crisis message. A store
     * that cannot be written never costs a reader the answer: one warning per outage.
     */
    public void answered(AnswerRecord answer) {
        try {
            store.saveAnswer(new StoredAnswer(
                    answer.answerId(),
                    answer.date(),
                    clock.millis(),
                    answer.abstainReason(),
                    answer.crisis(),
                    answer.question(),
                    answer.sections()));
            long lost = unsaved.getAndSet(0);
            if (lost > 0) {
                LOG.info("The insights store can be written again; {} answers before this were not counted", lost);
            }
        } catch (StoreException e) {
            if (unsaved.getAndIncrement() == 0) {
                LOG.warn(
                        "Could not write to the insights store ({}); answers go uncounted until it works again",
                        e.getMessage());
            }
        }
    }

    /**
     * A reader's rating of an answer the store holds, taken once per answer (across replicas). A
     * down vote is kept with its (redacted) comment and its answer's question, when there was one.
     * A vote on any other id, or a second vote, changes nothing and says so.
     */
    public RatingOutcome rated(String answerId, String rating, String comment) {
        // Counted in characters (code points), as the routes that pass a comment on count it.
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT_CHARS) {
            throw new IllegalArgumentException("a comment is at most " + MAX_COMMENT_CHARS + " characters");
        }
        Optional<StoredAnswer> answer = store.answer(answerId);
        if (answer.isEmpty()) {
            return RatingOutcome.UNKNOWN_ANSWER;
        }
        boolean down = rating.equals("down");
        String redactedComment = !down || comment == null || comment.isBlank()
                ? null
                : redactor.redact(comment.strip()).text();
        StoredVote vote = new StoredVote(
                answerId, today(), clock.millis(), rating, down ? answer.get().question() : null, redactedComment);
        return store.saveVote(vote) ? RatingOutcome.RECORDED : RatingOutcome.ALREADY_RATED;
    }

    /** What the content team sees, over everything the store holds. */
    public InsightsReport report() {
        return report(DateRange.ALL);
    }

    /**
     * What the content team sees for the days of {@code range}. The counts are read from the store;
     * the not-covered questions are then grouped, embedding any new ones, with no store lock held.
     */
    public InsightsReport report(DateRange range) {
        synchronized (reportLock) {
            Map<String, Long> declines = store.abstentions(range);
            Map<String, Long> byReason = new LinkedHashMap<>();
            REASONS.forEach(r -> byReason.put(r, declines.getOrDefault(r, 0L)));
            declines.forEach(byReason::putIfAbsent);
            List<InsightsReport.SectionCitations> cited = store.citations(range).entrySet().stream()
                    .map(e -> new InsightsReport.SectionCitations(e.getKey(), e.getValue()))
                    .toList();
            List<InsightsReport.Day> days = store.daily(range).stream()
                    .map(d -> new InsightsReport.Day(d.date(), d.answers(), d.abstained(), d.crisis()))
                    .toList();
            List<InsightsReport.DownVote> votes = store.downVotes(range, MAX_DOWN_VOTES).stream()
                    .map(v -> new InsightsReport.DownVote(v.answerId(), v.question(), v.comment()))
                    .toList();
            List<String> newestFirst = store.notCovered(range, MAX_KEPT);
            return new InsightsReport(gaps(newestFirst), byReason, votes, cited, days);
        }
    }

    /** Deletes readers' rows older than {@code days} days; returns how many rows went. */
    public int enforceRetention(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("retention is at least one day, was " + days);
        }
        int deleted = store.deleteBefore(today().minusDays(days));
        if (deleted > 0) {
            LOG.info("Retention: deleted {} stored rows older than {} days", deleted, days);
        }
        return deleted;
    }

    /**
     * Not-covered questions grouped by meaning, most asked first; each group's examples newest
     * first. Questions are grouped greedily in the order they were asked, so a group is named by
     * the first question of it. Called under {@link #reportLock} only; the vector cache keeps just
     * the questions of this report, so it never holds more than {@value #MAX_KEPT} entries.
     */
    private List<InsightsReport.NotCovered> gaps(List<String> newestFirst) {
        Set<String> distinct = new LinkedHashSet<>(newestFirst);
        vectors.keySet().retainAll(distinct);
        List<String> missing =
                distinct.stream().filter(q -> !vectors.containsKey(q)).toList();
        for (int from = 0; from < missing.size(); from += EMBEDDING_BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + EMBEDDING_BATCH));
            List<float[]> embedded = embedder.embedQueries(batch);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), embedded.get(i));
            }
        }
        record Gap(float[] vector, List<String> questions) {}
        List<Gap> gaps = new ArrayList<>();
        for (String question : newestFirst.reversed()) {
            float[] v = vectors.get(question);
            Gap home = gaps.stream()
                    .filter(g -> Embedder.dot(g.vector(), v) >= SAME_GAP)
                    .findFirst()
                    .orElse(null);
            if (home == null) {
                gaps.add(new Gap(v, new ArrayList<>(List.of(question))));
            } else {
                home.questions().add(question);
            }
        }
        return gaps.stream()
                .sorted(Comparator.comparingInt((Gap g) -> g.questions().size()).reversed())
                .limit(TOP)
                .map(g -> new InsightsReport.NotCovered(
                        g.questions().getFirst(),
                        g.questions().size(),
                        new LinkedHashSet<>(g.questions().reversed())
                                .stream().limit(EXAMPLES).toList()))
                .toList();
    }

    /**
     * Reads an older Kira's JSON-lines insights file into the store, once: a file read in before
     * (by this or another replica) is left alone. A line that cannot be read (cut short by a crash,
     * not UTF-8, not an event Kira writes, a crisis line carrying text) is skipped and counted. A
     * path that cannot be a file stops the start, as a configuration error; a missing file is
     * nothing to read.
     */
    public void importFile(Path path) {
        Path file = path.toAbsolutePath().normalize();
        requireReadable(file);
        if (!Files.exists(file)) {
            return;
        }
        String source = file.toString();
        if (store.imported(source)) {
            LOG.info("The insights file {} was read into the store before; it is not read again", file);
            return;
        }
        int[] events = {0};
        int skipped = readLines(file, line -> {
            loadLine(line, events[0]);
            events[0]++;
        });
        store.markImported(source, clock.millis(), events[0], skipped);
        malformedLines = skipped;
        LOG.info("Read {} events of the insights file {} into the store", events[0], file);
        if (skipped > 0) {
            LOG.warn("Skipped {} unreadable line(s) of the insights file {}", skipped, file);
        }
    }

    private static void requireReadable(Path path) {
        for (Path folder = path.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new InvalidConfigException(
                        "KIRA_INSIGHTS_FILE: cannot read " + path + " (" + folder + " is a file, not a folder)");
            }
        }
        if (Files.isDirectory(path)) {
            throw new InvalidConfigException("KIRA_INSIGHTS_FILE: cannot read " + path + " (it is a folder)");
        }
    }

    private interface LineReader {
        void accept(JsonNode line) throws IOException;
    }

    /** Calls {@code reader} on each line that is JSON; returns how many lines could not be read. */
    private int readLines(Path path, LineReader reader) {
        int skipped = 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b != '\n' && b != -1) {
                    bytes.write(b);
                    continue;
                }
                if (bytes.size() > 0) {
                    try {
                        String text = utf8.decode(ByteBuffer.wrap(bytes.toByteArray()))
                                .toString();
                        if (!text.isBlank()) {
                            reader.accept(json.readTree(text));
                        }
                    } catch (IOException | RuntimeException unreadable) {
                        skipped++;
                    }
                    bytes.reset();
                }
                if (b == -1) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new InvalidConfigException("KIRA_INSIGHTS_FILE: cannot read " + path + " (" + reason(e) + ")");
        }
        return skipped;
    }

    /** One event of the file; {@code index} orders the events of one day as the file did. */
    private void loadLine(JsonNode line, int index) {
        if (!line.isObject()) {
            throw new IllegalArgumentException("not an event");
        }
        LocalDate date = LocalDate.parse(line.path("date").asText(today().toString()));
        long at = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + index;
        String answerId = line.path("answerId").asText();
        if (answerId.isEmpty()) {
            throw new IllegalArgumentException("no answer id");
        }
        if (line.path("type").asText().equals("down")) {
            store.saveVote(new StoredVote(
                    answerId, date, at, "down", textOrNull(line, "question"), textOrNull(line, "comment")));
        } else {
            List<String> cited = new ArrayList<>();
            line.path("sections").forEach(s -> cited.add(s.asText()));
            // AnswerRecord refuses a crisis line that carries text: such a line is skipped whole.
            AnswerRecord answer = new AnswerRecord(
                    date,
                    answerId,
                    textOrNull(line, "abstainReason"),
                    line.path("crisis").asBoolean(),
                    cited,
                    textOrNull(line, "question"));
            store.saveAnswer(new StoredAnswer(
                    answerId, date, at, answer.abstainReason(), answer.crisis(), answer.question(), answer.sections()));
        }
    }

    private static String textOrNull(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException f
                ? Optional.ofNullable(f.getReason()).orElse(f.getFile())
                : e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : ": " + reason);
    }

    /** Lines of the last file read in that were skipped because they could not be read. */
    int malformedLines() {
        return malformedLines;
    }

    /** Cache entries a report keeps: at most the distinct not-covered questions it grouped. */
    int cachedVectors() {
        synchronized (reportLock) {
            return vectors.size();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Today's date by this insights' clock (UTC in production). */
    public LocalDate date() {
        return today();
    }
}
