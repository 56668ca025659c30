package com.askkira.retrieval;

import java.util.List;

/** A question and the conversation before it, oldest turn first. */
public record RetrievalQuery(String question, List<Turn> history) {
    public RetrievalQuery {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question is empty");
        }
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static RetrievalQuery of(String question) {
        return new RetrievalQuery(question, List.of());
    }
}
