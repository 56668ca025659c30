package com.askkira.pipeline;

/** What can go wrong with a request, each mapped to one status and error code by the HTTP layer. */
public sealed class KiraException extends RuntimeException
        permits KiraException.InvalidRequest, KiraException.ModelUnavailable {

    private KiraException(String message) {
        super(message);
    }

    /** The request breaks the contract (missing question, too long, too many turns…). */
    public static final class InvalidRequest extends KiraException {
        public InvalidRequest(String message) {
            super(message);
        }
    }

    /** The configured model failed and no fallback could answer. */
    public static final class ModelUnavailable extends KiraException {
        public ModelUnavailable(String message) {
            super(message);
        }
    }
}
