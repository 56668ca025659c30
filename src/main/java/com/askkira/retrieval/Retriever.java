package com.askkira.retrieval;

/** Finds the library passages for a question, read with its conversation. */
public interface Retriever {
    /** The best {@code k} passages, and how the question was understood. */
    Retrieval retrieve(RetrievalQuery query, int k);
}
