package com.askkira.workbench;

import com.askkira.corpus.Chunker;
import com.askkira.corpus.LibraryDocument;
import com.askkira.eval.GoldenQuestion;
import com.askkira.eval.GoldenSet;
import com.askkira.eval.RetrievalScore;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import com.askkira.pipeline.BlankText;
import com.askkira.pipeline.GroundingReport;
import com.askkira.pipeline.GroundingService;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.TextLength;
import com.askkira.privacy.PiiRedactor;
import com.askkira.store.DateRange;
import com.askkira.store.GoldenAdditionRow;
import com.askkira.store.Store;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What {@code /admin} does: check an answer or a text, list the library, re-index behind the golden
 * set's gate, run the golden set and grow it.
 */
public final class Workbench implements AutoCloseable {
    /** The golden set's floors for a new index: those RetrievalGoldenSetTest guards the library at. */
    public static final Thresholds DEFAULT_THRESHOLDS = new Thresholds(0.90, 0.75);

    private final AnswerService answers;
    private final GroundingService grounding;
    private final Supplier<List<LibraryDocument>> documents;
    private final Chunker chunker;
    private final Store store;
    private final PiiRedactor redactor;
    private final Path goldenFile;
    private final Gate gate;
    private final Clock clock;
    private final ObjectMapper json;
    private final Evaluations evaluations;

    /** The golden set's floors: hit@3 and MRR of the hybrid ranking. */
    public record Thresholds(double minHit3, double minMrr) {
        public Thresholds {
            if (minHit3 < 0 || minHit3 > 1 || minMrr < 0 || minMrr > 1) {
                throw new KiraException.InvalidRequest("thresholds are shares from 0 to 1");
            }
        }
    }

    /** Builds a candidate index aside, scores the golden set on it, and swaps it in on request. */
    public interface Gate {
        /** The golden set's score over a new index of the library as it is now; the index in service is untouched. */
        RetrievalScore scoreCandidate(List<GoldenQuestion> golden);

        /** Rebuilds the index in service (the re-index of {@code POST /v1/admin/reindex}). */
        Map<String, Object> swap();
    }

    /** Kira's answer to a question, and each of its sentences checked against the library. */
    public record CheckedAnswer(AnswerResponse answer, GroundingReport grounding) {}

    /** A document with its dates, chunk count and citations (over the days the store holds). */
    public record DocumentInfo(
            String slug,
            String title,
            String type,
            String url,
            String lastUpdated,
            String reviewedBy,
            int chunks,
            long citations,
            List<SectionInfo> sections) {}

    public record SectionInfo(String section, String url, long citations) {}

    /** What a gated re-index did: swapped or refused, with the golden set's score and why. */
    public record GateResult(
            boolean swapped, String reason, RetrievalScore score, Thresholds thresholds, Map<String, Object> build) {}

    public Workbench(
            AnswerService answers,
            GroundingService grounding,
            Supplier<List<LibraryDocument>> documents,
            Chunker chunker,
            Store store,
            PiiRedactor redactor,
            Path goldenFile,
            Gate gate,
            Clock clock,
            ObjectMapper json) {
        this.answers = answers;
        this.grounding = grounding;
        this.documents = documents;
        this.chunker = chunker;
        this.store = store;
        this.redactor = redactor;
        this.goldenFile = goldenFile;
        this.gate = gate;
        this.clock = clock;
        this.json = json;
        this.evaluations = new Evaluations(answers, this::golden, store, clock, json);
    }

    /** Kira's answer, not counted in the insights, with every sentence checked as {@link #checkText} does. */
    public CheckedAnswer check(String question) {
        AnswerResponse answer = answers.preview(new AnswerRequest(question, List.of()));
        GroundingReport report = new GroundingReport(0, List.of());
        if (!answer.answer().isBlank()) {
            try {
                report = checkText(answer.answer(), question);
            } catch (KiraException.InvalidRequest beyondLimits) {
                // An answer longer than the check's limits (a long crisis reply) is shown without sentence marks.
            }
        }
        return new CheckedAnswer(answer, report);
    }

    /** Any text, sentence by sentence: supported, unsupported or overstated, with the nearest library text. */
    public GroundingReport checkText(String text, String question) {
        return grounding.check(
                text, question, GroundingService.ADMIN_MAX_ANSWER_CHARS, GroundingService.ADMIN_MAX_SENTENCES);
    }

    /** Every document, with the citations of its sections in the store. */
    public List<DocumentInfo> library() {
        Map<String, Long> cited = store.citations(DateRange.ALL);
        List<DocumentInfo> out = new ArrayList<>();
        for (LibraryDocument document : documents.get()) {
            var chunks = chunker.chunk(document);
            Map<String, SectionInfo> sections = new LinkedHashMap<>();
            for (var chunk : chunks) {
                sections.putIfAbsent(
                        chunk.section(),
                        new SectionInfo(chunk.section(), chunk.url(), cited.getOrDefault(chunk.section(), 0L)));
            }
            var meta = document.meta();
            out.add(new DocumentInfo(
                    meta.slug(),
                    meta.title(),
                    meta.type().wireName(),
                    meta.url(),
                    meta.lastUpdated().toString(),
                    meta.reviewedBy(),
                    chunks.size(),
                    sections.values().stream().mapToLong(SectionInfo::citations).sum(),
                    List.copyOf(sections.values())));
        }
        return out;
    }

    /** Re-indexes only if the golden set over the new index holds the thresholds; otherwise says why. */
    public GateResult reindex(Thresholds thresholds) {
        RetrievalScore score = gate.scoreCandidate(golden());
        List<String> below = new ArrayList<>();
        if (score.hit3() < thresholds.minHit3()) {
            below.add(String.format("hit@3 %.3f is below %.2f", score.hit3(), thresholds.minHit3()));
        }
        if (score.mrr() < thresholds.minMrr()) {
            below.add(String.format("MRR %.3f is below %.2f", score.mrr(), thresholds.minMrr()));
        }
        if (!below.isEmpty()) {
            return new GateResult(
                    false,
                    "Refused: on the new index " + String.join(" and ", below) + ". The index in service is unchanged.",
                    score,
                    thresholds,
                    Map.of());
        }
        return new GateResult(
                true,
                String.format("Swapped in: hit@3 %.3f and MRR %.3f hold the thresholds.", score.hit3(), score.mrr()),
                score,
                thresholds,
                gate.swap());
    }

    /** The golden set: the file's questions, then those writers added. */
    public List<GoldenQuestion> golden() {
        List<GoldenQuestion> questions = new ArrayList<>();
        if (Files.isRegularFile(goldenFile)) {
            questions.addAll(GoldenSet.read(goldenFile).questions());
        }
        for (GoldenAdditionRow row : store.goldenAdditions()) {
            questions.add(new GoldenQuestion(
                    "added-" + row.additionId(),
                    row.question(),
                    List.of(),
                    List.of(row.expectedSection()),
                    "added",
                    readFacts(row.facts())));
        }
        return questions;
    }

    /** A question added to the golden set with the section that should answer it and its facts; the question redacted. */
    public GoldenAdditionRow addGolden(
            String question, String expectedSection, List<List<String>> facts, String answerId) {
        if (BlankText.isBlank(question) || TextLength.of(question) > AnswerRequest.MAX_QUESTION_CHARS) {
            throw new KiraException.InvalidRequest(
                    "'question' is required, at most " + AnswerRequest.MAX_QUESTION_CHARS + " characters");
        }
        if (expectedSection == null || !expectedSection.matches("[a-z0-9-]+#[a-z0-9-]+")) {
            throw new KiraException.InvalidRequest("'expectedSection' names a section as slug#anchor");
        }
        List<List<String>> kept = facts == null
                ? List.of()
                : facts.stream()
                        .map(f -> f.stream()
                                .map(String::strip)
                                .filter(p -> !p.isEmpty())
                                .toList())
                        .filter(f -> !f.isEmpty())
                        .toList();
        try {
            GoldenAdditionRow row = new GoldenAdditionRow(
                    UUID.randomUUID().toString().substring(0, 12),
                    clock.millis(),
                    redactor.redact(question.strip()).text(),
                    expectedSection,
                    json.writeValueAsString(kept),
                    answerId);
            store.saveGoldenAddition(row);
            return row;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Evaluations evaluations() {
        return evaluations;
    }

    private List<List<String>> readFacts(String facts) {
        try {
            return json.readValue(facts, new TypeReference<List<List<String>>>() {});
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        evaluations.close();
    }
}
