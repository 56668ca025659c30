package com.askkira.answer;

import com.askkira.retrieval.Retrieval;

/** Composes a whole cited answer to a question from the passages retrieval found for it. */
public interface Answerer {
    /** Names the model in the response ({@code "offline-extractive"}). */
    String modelName();

    ComposedAnswer answer(String question, Retrieval retrieval);
}
