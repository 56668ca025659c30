package com.askkira.insights;

import com.askkira.embedding.Embedder;
import com.askkira.privacy.PiiRedactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what readers ask and how Kira answers, and keeps the few texts the content team needs:
 * each not-covered question, and the question and comment of each down-voted answer, all
 * redacted. A question is held in memory for a while after its answer (so a down vote can name
 * it) and then forgotten. With a file, every event is appended to it as a line of JSON and read
 * back at start; without one, nothing outlives the process.
 */
public final class Insights {
    private static final Logger LOG = LoggerFactory.getLogger(Insights.class);
    /** Answers whose questions are held for a later down vote. */
    static final int RECENT_ANSWERS = 2_000;

    static final int MAX_KEPT = 5_000;
    static final int MAX_DAYS = 90;
    static final int TOP = 20;
    static final int EXAMPLES = 3;
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
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, String> recentQuestions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RECENT_ANSWERS;
        }
    };

    public Insights(Embedder embedder, PiiRedactor redactor, Optional<Path> file, Clock clock) {
        this.embedder = embedder;
        this.redactor = redactor;
        this.file = file;
        this.clock = clock;
        file.ifPresent(this::load);
    }

    /** One answer given; {@code question} is already redacted, and null for a crisis message. */
    public synchronized void answered(AnswerRecord answer) {
        apply(answer);
        if (answer.question() != null) {
            recentQuestions.put(answer.answerId(), answer.question());
        }
        append(answerLine(answer));
    }

    /** A reader's rating. A down vote is kept with its (redacted) comment and its answer's question, if still known. */
    public synchronized void rated(String answerId, String rating, String comment) {
        if (!rating.equals("down")) {
            return;
        }
        String redactedComment = comment == null || comment.isBlank()
                ? null
                : redactor.redact(comment.strip()).text();
        InsightsReport.DownVote vote =
                new InsightsReport.DownVote(answerId, recentQuestions.get(answerId), redactedComment);
        keep(downVoted, vote);
        ObjectNode line = json.createObjectNode()
                .put("type", "down")
                .put("date", today().toString())
                .put("answerId", answerId);
        line.put("question", vote.question()).put("comment", vote.comment());
        append(line);
    }

    public synchronized InsightsReport report() {
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
        java.util.Collections.reverse(votes);
        return new InsightsReport(gaps(), byReason, votes, cited, days);
    }

    /** Not-covered questions grouped by meaning (greedily, in the order asked), most asked first. */
    private List<InsightsReport.NotCovered> gaps() {
        record Gap(float[] vector, List<String> questions) {}
        List<Gap> gaps = new ArrayList<>();
        for (String question : notCovered) {
            float[] v = vectors.computeIfAbsent(question, embedder::embedQuery);
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
        } catch (IOException e) {
            // Insights must never cost a reader an answer.
            LOG.warn("Could not append to the insights file ({})", e.getClass().getSimpleName());
        }
    }

    private void load(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            for (String text : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line;
                try {
                    line = json.readTree(text);
                } catch (IOException unreadable) {
                    // A line cut short by a crash is lost, not the whole history.
                    LOG.warn("Skipped an unreadable line of the insights file");
                    continue;
                }
                LocalDate date = LocalDate.parse(line.path("date").asText(today().toString()));
                if (line.path("type").asText().equals("down")) {
                    keep(
                            downVoted,
                            new InsightsReport.DownVote(
                                    line.path("answerId").asText(),
                                    textOrNull(line, "question"),
                                    textOrNull(line, "comment")));
                } else {
                    List<String> cited = new ArrayList<>();
                    line.path("sections").forEach(s -> cited.add(s.asText()));
                    apply(new AnswerRecord(
                            date,
                            line.path("answerId").asText(),
                            textOrNull(line, "abstainReason"),
                            line.path("crisis").asBoolean(),
                            cited,
                            textOrNull(line, "question")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the insights file " + path, e);
        }
    }

    private static String textOrNull(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Today's date by this insights' clock (UTC in production). */
    public LocalDate date() {
        return today();
    }
}
