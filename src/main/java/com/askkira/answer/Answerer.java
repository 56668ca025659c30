package com.askkira.answer;

import com.askkira.retrieval.Retrieval;

/** Writes a cited answer to a question from the passages retrieval found for it. */
public interface Answerer {
    /** Names the model in the response ({@code "offline-extractive"}, or the model's name). */
    String modelName();

    ComposedAnswer answer(String question, Retrieval retrieval);
}
