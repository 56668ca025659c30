package com.askkira.pipeline;

import com.askkira.retrieval.Turn;
import java.util.List;

/**
 * A question and the earlier turns of its conversation, checked against the contract's limits, in
 * characters as {@link TextLength} counts them.
 */
public record AnswerRequest(String question, List<Turn> history) {
    public static final int MAX_QUESTION_CHARS = 1_000;
    public static final int MAX_TURNS = 20;
    public static final int MAX_TURN_CHARS = 4_000;

    public AnswerRequest {
        if (BlankText.isBlank(question)) {
            throw new KiraException.InvalidRequest("'question' is required and must not be empty");
        }
        question = withinLimit(question);
        history = history == null ? List.of() : List.copyOf(history);
        if (history.size() > MAX_TURNS) {
            throw new KiraException.InvalidRequest(
                    "'history' has " + history.size() + " turns; the limit is " + MAX_TURNS);
        }
        for (Turn turn : history) {
            if (TextLength.of(turn.content()) > MAX_TURN_CHARS) {
                throw new KiraException.InvalidRequest("a 'history' turn is over " + MAX_TURN_CHARS + " characters");
            }
        }
    }

    /**
     * {@code question} stripped, or the 400 for a question over {@link #MAX_QUESTION_CHARS}: the one
     * limit and message for every field that carries a question (the grounding question too).
     */
    public static String withinLimit(String question) {
        String stripped = question.strip();
        int length = TextLength.of(stripped);
        if (length > MAX_QUESTION_CHARS) {
            throw new KiraException.InvalidRequest(
                    "'question' is " + length + " characters; the limit is " + MAX_QUESTION_CHARS);
        }
        return stripped;
    }
}
