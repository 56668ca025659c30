package com.askkira.answer;

import com.askkira.retrieval.Retrieval;

/** Writes a cited answer to a question from the passages retrieval found for it. */
public interface Answerer {
    /** Names the model in the response ({@code "offline-extractive"}, or the model's name). */
    String modelName();

    ComposedAnswer answer(String question, Retrieval retrieval);

    /** The answer with the name of the model that wrote it; only a fallback comes back degraded. */
    default Drafted draft(String question, Retrieval retrieval) {
        return new Drafted(answer(question, retrieval), modelName(), false);
    }
}
