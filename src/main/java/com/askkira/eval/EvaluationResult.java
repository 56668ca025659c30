package com.askkira.eval;

import java.util.List;

/**
 * One golden question answered on the live server: what it cited, whether a cited section is one
 * that answers it ({@code hit}, null when the question expects none), how many of its facts the
 * answer states, how it was declined or guarded, and how long it took.
 */
public record EvaluationResult(
        String id,
        String question,
        String kind,
        List<String> expected,
        List<String> cited,
        Boolean hit,
        int facts,
        int factsStated,
        boolean abstained,
        String abstainReason,
        boolean crisis,
        String verdict,
        double latencyMs,
        boolean passed,
        String answer) {
    public EvaluationResult {
        expected = List.copyOf(expected);
        cited = List.copyOf(cited);
    }
}
