package com.askkira.pipeline;

import java.util.Optional;
import java.util.OptionalInt;

/** What can go wrong with a request, each mapped to one status and error code by the HTTP layer. */
public sealed class KiraException extends RuntimeException
        permits KiraException.InvalidRequest,
                KiraException.ModelUnavailable,
                KiraException.NotFound,
                KiraException.Conflict,
                KiraException.InvalidDocument,
                KiraException.TimedOut,
                KiraException.Overloaded {

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

    /** The request names something this server does not know (feedback on an answer it never gave). */
    public static final class NotFound extends KiraException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request cannot be done in the state things are in (a second vote, a re-index while one runs). */
    public static final class Conflict extends KiraException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** A library document cannot be indexed: which file, the line when one is to blame, and why. */
    public static final class InvalidDocument extends KiraException {
        private final String file;
        private final int line;

        public InvalidDocument(String message, Optional<String> file, OptionalInt line) {
            super(message);
            this.file = file.orElse(null);
            this.line = line.orElse(0);
        }

        public Optional<String> file() {
            return Optional.ofNullable(file);
        }

        public OptionalInt line() {
            return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
        }
    }

    /** Work that has a time limit went over it and was stopped. */
    public static final class TimedOut extends KiraException {
        public TimedOut(String message) {
            super(message);
        }
    }

    /** More work is waiting than the server takes on; the caller may try again after a pause. */
    public static final class Overloaded extends KiraException {
        private final int retryAfterSeconds;

        public Overloaded(String message, int retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
