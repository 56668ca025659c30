package com.askkira.retrieval;

/**
 * The knobs of hybrid retrieval, measured on the golden set (see RetrievalGoldenSetTest).
 *
 * @param rrfK reciprocal-rank constant: smaller trusts the top of each ranking more
 * @param historyWeight how much an earlier question counts when resolving a follow-up
 */
public record RetrievalTuning(
        double rrfK, double bm25Weight, double vectorWeight, float headingBoost, float titleBoost, float historyWeight) {

    public static RetrievalTuning defaults() {
        return new RetrievalTuning(60, 1.0, 1.0, 1.5f, 0.3f, 0.5f);
    }
}
