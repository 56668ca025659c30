package com.askkira.answer;

/** Neither the configured model nor the offline fallback could write an answer. */
public final class NoAnswerAvailableException extends RuntimeException {
    public NoAnswerAvailableException(String message) {
        super(message);
    }
}
