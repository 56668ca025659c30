package com.askkira.eval;

import com.askkira.answer.Citation;
import com.askkira.corpus.Chunk;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import com.askkira.pipeline.GroundingReport;
import com.askkira.pipeline.KiraException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Answers golden questions through the whole pipeline, as a reader would be answered (not counted
 * in the insights), and scores each: a right section cited, the facts stated, how it was declined
 * or guarded, how long it took. A question passes when a right section is cited and at least
 * {@value #FACTS_TO_PASS} of its facts are stated; one that expects no section passes by declining.
 */
public final class AnswerEvaluator {
    public static final double FACTS_TO_PASS = 0.5;

    private final AnswerService answers;

    public AnswerEvaluator(AnswerService answers) {
        this.answers = answers;
    }

    public EvaluationResult evaluate(GoldenQuestion q) {
        long start = System.nanoTime();
        AnswerResponse response = answers.preview(new AnswerRequest(q.question(), q.turns()));
        double ms = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
        List<String> cited = response.citations().stream()
                .map(Citation::chunkId)
                .map(Chunk::sectionKeyOf)
                .distinct()
                .toList();
        Boolean hit = q.expected().isEmpty() ? null : cited.stream().anyMatch(q.expected()::contains);
        String text = response.answer().toLowerCase(Locale.ROOT);
        int stated = (int) q.facts().stream()
                .filter(f -> f.stream().anyMatch(p -> text.contains(p.toLowerCase(Locale.ROOT))))
                .count();
        boolean abstained = response.abstained();
        boolean passed = q.expected().isEmpty()
                ? abstained
                : !abstained
                        && hit
                        && (q.facts().isEmpty()
                                || stated >= FACTS_TO_PASS * q.facts().size());
        return new EvaluationResult(
                q.id(),
                q.question(),
                q.kind(),
                q.expected(),
                cited,
                hit,
                q.facts().size(),
                stated,
                abstained,
                response.abstainReason() == null
                        ? null
                        : response.abstainReason().wireName(),
                response.safety().crisis(),
                response.guardrail().verdict().wireName(),
                ms,
                passed,
                response.answer());
    }

    /**
     * Every question answered and scored (failures first), and each answer checked sentence by
     * sentence by {@code check} (answer text, question); an answer the check refuses (beyond its
     * limits) is kept without marks.
     */
    public EvalReport.Answers run(List<GoldenQuestion> questions, BiFunction<String, String, GroundingReport> check) {
        List<EvaluationResult> results = new ArrayList<>();
        Map<String, GroundingReport> marks = new LinkedHashMap<>();
        for (GoldenQuestion q : questions) {
            EvaluationResult result = evaluate(q);
            results.add(result);
            if (!result.answer().isBlank()) {
                try {
                    marks.put(q.id(), check.apply(result.answer(), q.question()));
                } catch (KiraException.InvalidRequest beyondLimits) {
                    // Listed without marks.
                }
            }
        }
        results.sort(Comparator.comparing(EvaluationResult::passed));
        return new EvalReport.Answers(EvaluationSummary.of(results), results, marks);
    }
}
