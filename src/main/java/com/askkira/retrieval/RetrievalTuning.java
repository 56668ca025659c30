package com.askkira.retrieval;

/**
 * The knobs of hybrid retrieval, chosen on the dev golden set (see RetrievalGoldenSetTest); the
 * held-out set checks they carry over to questions nobody tuned for.
 *
 * @param rrfK reciprocal-rank constant: smaller trusts the top of each ranking more
 * @param bm25Weight BM25 over the chunk's text, headings and title
 * @param vectorWeight nearest chunks by embedding
 * @param sectionBm25Weight BM25 over the whole section the chunk sits in
 * @param sectionVectorWeight nearest sections by the mean embedding of their chunks
 * @param historyWeight how much an earlier question counts when resolving a follow-up
 */
public record RetrievalTuning(
        double rrfK,
        double bm25Weight,
        double vectorWeight,
        double sectionBm25Weight,
        double sectionVectorWeight,
        float headingBoost,
        float titleBoost,
        float historyWeight) {

    public static RetrievalTuning defaults() {
        return new RetrievalTuning(30, 1.0, 1.5, 0.5, 0.5, 0.3f, 0.3f, 0.5f);
    }
}
