package com.askkira.eval;

import java.util.List;

/** hit@1, hit@3 and MRR (first right passage within the top 10) of one ranking over a golden set. */
public record RetrievalScore(String mode, int questions, double hit1, double hit3, double mrr, List<Miss> misses) {
    public RetrievalScore {
        misses = List.copyOf(misses);
    }

    /** A question whose right section was not in the top three, and what came instead. */
    public record Miss(String id, String kind, String question, List<String> expected, List<String> top3, int rank) {}

    @Override
    public String toString() {
        return String.format("%-7s n=%d  hit@1 %.3f  hit@3 %.3f  MRR %.3f", mode, questions, hit1, hit3, mrr);
    }
}
