package com.askkira.insights;

import com.askkira.config.InvalidConfigException;
import com.askkira.embedding.Embedder;
import com.askkira.privacy.PiiRedactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what readers ask and how Kira answers, and keeps the few texts the content team needs:
 * each not-covered question, and the question and comment of each down-voted answer, all
 * redacted. A question is held in memory for a while after its answer (so a down vote can name
 * it) and then forgotten; a vote is taken only on one of those recent answers, once. With a file,
 * every event is appended to it as a line of JSON and read back at start (a line that cannot be
 * read is skipped and counted); a file that cannot be written stops the start. Without one,
 * nothing outlives the process.
 */
public final class Insights {
    private static final Logger LOG = LoggerFactory.getLogger(Insights.class);
    /** The answers a vote is taken on: the last this many, their questions held so a down vote can name them. */
    static final int RECENT_ANSWERS = 2_000;

    static final int MAX_KEPT = 5_000;
    static final int MAX_DAYS = 90;
    static final int TOP = 20;
    static final int EXAMPLES = 3;
    /** The longest comment kept with a vote, as long as the HTTP API accepts. */
    public static final int MAX_COMMENT_CHARS = 2_000;
    /** Questions per call to the embedder when a report groups new ones. */
    private static final int EMBEDDING_BATCH = 64;
    /** Two not-covered questions this close in meaning are one gap (paraphrases measured 0.76–0.86, other topics at most 0.70). */
    static final double SAME_GAP = 0.75;

    private static final List<String> REASONS = List.of("not_covered", "out_of_scope", "unsafe");

    private final Embedder embedder;
    private final PiiRedactor redactor;
    private final Optional<Path> file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private final Map<String, Long> abstentions = new HashMap<>();
    private final Map<String, Long> sections = new HashMap<>();
    private final TreeMap<LocalDate, long[]> daily = new TreeMap<>();
    private final Deque<String> notCovered = new ArrayDeque<>();
    private final Deque<InsightsReport.DownVote> downVoted = new ArrayDeque<>();
    /** Events not written to the file since appending to it last failed; 0 while it works. */
    private long unsaved;

    private int malformedLines;

    /** The last answers given, by id: a vote is taken only on one of these, and only once. */
    private final Map<String, Recent> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recent> eldest) {
            return size() > RECENT_ANSWERS;
        }
    };

    /**
     * Held by {@link #report} alone, never by an answer: the report embeds questions (a model call
     * each, minutes for thousands) without the lock that recording an answer takes.
     */
    private final Object reportLock = new Object();
    /** Embeddings of the not-covered questions kept, by question; pruned to them by each report. */
    private final Map<String, float[]> vectors = new HashMap<>();

    public Insights(Embedder embedder, PiiRedactor redactor, Optional<Path> file, Clock clock) {
        this.embedder = embedder;
        this.redactor = redactor;
        this.file = file;
        this.clock = clock;
        file.ifPresent(path -> {
            requireWritable(path);
            load(path);
        });
    }

    /** One answer given; {@code question} is already redacted, and null for a crisis message. */
    public synchronized void answered(AnswerRecord answer) {
        apply(answer);
        recent.put(answer.answerId(), new Recent(answer.question(), false));
        append(answerLine(answer));
    }

    /**
     * A reader's rating of one of the last {@value #RECENT_ANSWERS} answers, taken once per answer.
     * A down vote is kept with its (redacted) comment and its answer's question, when there was one.
     * A vote on any other id, or a second vote, changes nothing and says so.
     */
    public synchronized RatingOutcome rated(String answerId, String rating, String comment) {
        if (comment != null && comment.length() > MAX_COMMENT_CHARS) {
            throw new IllegalArgumentException("a comment is at most " + MAX_COMMENT_CHARS + " characters");
        }
        Recent answer = recent.get(answerId);
        if (answer == null) {
            return RatingOutcome.UNKNOWN_ANSWER;
        }
        if (answer.rated()) {
            return RatingOutcome.ALREADY_RATED;
        }
        recent.put(answerId, new Recent(answer.question(), true));
        if (!rating.equals("down")) {
            return RatingOutcome.RECORDED;
        }
        String redactedComment = comment == null || comment.isBlank()
                ? null
                : redactor.redact(comment.strip()).text();
        InsightsReport.DownVote vote = new InsightsReport.DownVote(answerId, answer.question(), redactedComment);
        keep(downVoted, vote);
        ObjectNode line = json.createObjectNode()
                .put("type", "down")
                .put("date", today().toString())
                .put("answerId", answerId);
        line.put("question", vote.question()).put("comment", vote.comment());
        append(line);
        return RatingOutcome.RECORDED;
    }

    /**
     * What the content team sees. The counts are copied under the lock answers take; the
     * not-covered questions are then grouped, embedding any new ones, without it.
     */
    public InsightsReport report() {
        synchronized (reportLock) {
            Counts counts = counts();
            return new InsightsReport(
                    gaps(counts.notCovered()),
                    counts.abstentions(),
                    counts.downVoted(),
                    counts.sections(),
                    counts.daily());
        }
    }

    /** Everything but the grouped questions, as it stands now. */
    private record Counts(
            List<String> notCovered,
            Map<String, Long> abstentions,
            List<InsightsReport.DownVote> downVoted,
            List<InsightsReport.SectionCitations> sections,
            List<InsightsReport.Day> daily) {}

    private synchronized Counts counts() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        REASONS.forEach(r -> byReason.put(r, abstentions.getOrDefault(r, 0L)));
        List<InsightsReport.SectionCitations> cited = sections.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new InsightsReport.SectionCitations(e.getKey(), e.getValue()))
                .toList();
        List<InsightsReport.Day> days = daily.entrySet().stream()
                .map(e -> new InsightsReport.Day(
                        e.getKey().toString(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        List<InsightsReport.DownVote> votes = new ArrayList<>(downVoted);
        Collections.reverse(votes);
        return new Counts(List.copyOf(notCovered), byReason, votes, cited, days);
    }

    /**
     * Not-covered questions grouped by meaning (greedily, in the order asked), most asked first.
     * Called under {@link #reportLock} only. The vector cache keeps just the questions still kept,
     * so it is never larger than {@value #MAX_KEPT} entries.
     */
    private List<InsightsReport.NotCovered> gaps(List<String> questions) {
        Set<String> distinct = new LinkedHashSet<>(questions);
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
        for (String question : questions) {
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
                        new LinkedHashSet<>(g.questions())
                                .stream().limit(EXAMPLES).toList()))
                .toList();
    }

    private void apply(AnswerRecord answer) {
        long[] day = daily.computeIfAbsent(answer.date(), d -> new long[3]);
        day[0]++;
        day[1] += answer.abstained() ? 1 : 0;
        day[2] += answer.crisis() ? 1 : 0;
        while (daily.size() > MAX_DAYS) {
            daily.pollFirstEntry();
        }
        if (answer.abstained()) {
            abstentions.merge(answer.abstainReason(), 1L, Long::sum);
        }
        answer.sections().forEach(s -> sections.merge(s, 1L, Long::sum));
        if ("not_covered".equals(answer.abstainReason()) && answer.question() != null) {
            keep(notCovered, answer.question());
        }
    }

    private static <T> void keep(Deque<T> kept, T item) {
        kept.addLast(item);
        while (kept.size() > MAX_KEPT) {
            kept.removeFirst();
        }
    }

    /** An answer's line: its question only when it is kept (not covered), never a crisis message. */
    private ObjectNode answerLine(AnswerRecord answer) {
        ObjectNode line = json.createObjectNode()
                .put("type", "answer")
                .put("date", answer.date().toString())
                .put("answerId", answer.answerId())
                .put("abstainReason", answer.abstainReason())
                .put("crisis", answer.crisis());
        answer.sections().forEach(line.putArray("sections")::add);
        if ("not_covered".equals(answer.abstainReason())) {
            line.put("question", answer.question());
        }
        return line;
    }

    private void append(ObjectNode line) {
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(
                    file.get(),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            if (unsaved > 0) {
                LOG.info("The insights file can be written again; {} events before this were not saved", unsaved);
                unsaved = 0;
            }
        } catch (IOException e) {
            // Insights must never cost a reader an answer; one warning per outage, not one per event.
            if (unsaved++ == 0) {
                LOG.warn(
                        "Could not append to the insights file ({}); insights are kept in memory only until it can"
                                + " be written again",
                        reason(e));
            }
        }
    }

    /** Fails the start, as a configuration error, when the file cannot be created or appended to. */
    private static void requireWritable(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        for (Path folder = parent; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new InvalidConfigException(
                        "KIRA_INSIGHTS_FILE: cannot write to " + path + " (" + folder + " is a file, not a folder)");
            }
        }
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)
                    .close();
        } catch (IOException e) {
            throw new InvalidConfigException("KIRA_INSIGHTS_FILE: cannot write to " + path + " (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException f
                ? Optional.ofNullable(f.getReason()).orElse(f.getFile())
                : e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : ": " + reason);
    }

    /**
     * Reads the file back, line by line. A line that cannot be read (cut short by a crash, not
     * UTF-8, not an event Kira writes) is skipped and counted, never a reason not to start.
     */
    private void load(Path path) {
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
                            loadLine(json.readTree(text));
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
        malformedLines = skipped;
        if (skipped > 0) {
            LOG.warn("Skipped {} unreadable line(s) of the insights file {}", skipped, path);
        }
    }

    private void loadLine(JsonNode line) {
        if (!line.isObject()) {
            throw new IllegalArgumentException("not an event");
        }
        LocalDate date = LocalDate.parse(line.path("date").asText(today().toString()));
        String answerId = line.path("answerId").asText();
        if (line.path("type").asText().equals("down")) {
            keep(
                    downVoted,
                    new InsightsReport.DownVote(answerId, textOrNull(line, "question"), textOrNull(line, "comment")));
            Recent answer = recent.get(answerId);
            if (answer != null) {
                recent.put(answerId, new Recent(answer.question(), true));
            }
        } else {
            List<String> cited = new ArrayList<>();
            line.path("sections").forEach(s -> cited.add(s.asText()));
            AnswerRecord answer = new AnswerRecord(
                    date,
                    answerId,
                    textOrNull(line, "abstainReason"),
                    line.path("crisis").asBoolean(),
                    cited,
                    textOrNull(line, "question"));
            apply(answer);
            recent.put(answerId, new Recent(answer.question(), false));
        }
    }

    private static String textOrNull(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Lines of the file skipped at start because they could not be read. */
    int malformedLines() {
        return malformedLines;
    }

    /** Cache entries a report keeps: at most the distinct not-covered questions kept. */
    int cachedVectors() {
        synchronized (reportLock) {
            return vectors.size();
        }
    }

    /** An answer given recently: its redacted question (null when none was kept), and whether it has had its vote. */
    private record Recent(String question, boolean rated) {}

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Today's date by this insights' clock (UTC in production). */
    public LocalDate date() {
        return today();
    }
}
