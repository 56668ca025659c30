package com.askkira.retrieval;

/** Which rankings a search uses: the evaluation compares each alone with the fused one. */
public enum RetrievalMode {
    BM25,
    VECTOR,
    HYBRID
}
