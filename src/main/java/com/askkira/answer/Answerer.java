package com.askkira.answer;

import com.askkira.retrieval.Retrieval;
import java.util.Optional;

/** Writes a cited answer to a question from the passages retrieval found for it. */
public interface Answerer {
    /** Names the model in the response ({@code "offline-extractive"}, or the model's name). */
    String modelName();

    ComposedAnswer answer(String question, Retrieval retrieval);

    /** The answer with the name of the model that wrote it; only a fallback comes back degraded. */
    default Drafted draft(String question, Retrieval retrieval) {
        return new Drafted(answer(question, retrieval), modelName(), false);
    }

    /**
     * Writes the answer once more, told why the first was rejected; empty when this answerer would
     * only write the same again (the offline answerer).
     */
    default Optional<Drafted> redraft(String question, Retrieval retrieval, String reasons) {
        return Optional.empty();
    }

    /** Whether answering sends the question to a model server (a third party). */
    default boolean usesAModel() {
        return false;
    }

    /** The offline extractive answer for the same passages, when this answerer has one to stand in. */
    default Optional<Drafted> extractive(String question, Retrieval retrieval) {
        return Optional.empty();
    }
}
