package com.askkira.guard;

import com.askkira.retrieval.Turn;
import com.askkira.safety.CrisisAssessment;
import java.util.List;
import java.util.Objects;

/**
 * A reader's message after the input screen: the question and history with personal data
 * redacted, whether anything was redacted, the crisis assessment, and whether it asks for a
 * diagnosis or advice on the reader's own legal case, and whether it is written in Spanish.
 */
public record ScreenedInput(
        String question,
        List<Turn> history,
        boolean redacted,
        CrisisAssessment risk,
        boolean unsafeRequest,
        boolean spanish) {
    public ScreenedInput {
        Objects.requireNonNull(question, "question");
        history = List.copyOf(history);
        Objects.requireNonNull(risk, "risk");
    }
}
