package com.askkira.eval;

import java.util.List;
import java.util.Map;

/** The figures of one evaluation run, as the report's charts show them. */
public record EvaluationSummary(
        int questions,
        int passed,
        int failed,
        double hitRate,
        double factsRate,
        Map<String, Long> declines,
        long crisis,
        Map<String, Long> verdicts,
        double latencyP50Ms,
        double latencyP95Ms,
        double latencyMaxMs) {

    public static EvaluationSummary of(List<EvaluationResult> results) {
        List<EvaluationResult> withExpected =
                results.stream().filter(r -> r.hit() != null).toList();
        long hits = withExpected.stream().filter(EvaluationResult::hit).count();
        int facts = results.stream().mapToInt(EvaluationResult::facts).sum();
        int stated = results.stream().mapToInt(EvaluationResult::factsStated).sum();
        Map<String, Long> declines = new java.util.TreeMap<>();
        results.stream()
                .filter(EvaluationResult::abstained)
                .forEach(r -> declines.merge(r.abstainReason(), 1L, Long::sum));
        Map<String, Long> verdicts = new java.util.TreeMap<>();
        results.forEach(r -> verdicts.merge(r.verdict(), 1L, Long::sum));
        double[] latencies = results.stream()
                .mapToDouble(EvaluationResult::latencyMs)
                .sorted()
                .toArray();
        int passed = (int) results.stream().filter(EvaluationResult::passed).count();
        return new EvaluationSummary(
                results.size(),
                passed,
                results.size() - passed,
                round(withExpected.isEmpty() ? 0 : (double) hits / withExpected.size()),
                round(facts == 0 ? 0 : (double) stated / facts),
                declines,
                results.stream().filter(EvaluationResult::crisis).count(),
                verdicts,
                percentile(latencies, 0.5),
                percentile(latencies, 0.95),
                latencies.length == 0 ? 0 : round(latencies[latencies.length - 1]));
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return round(sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
