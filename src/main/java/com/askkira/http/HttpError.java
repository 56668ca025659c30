package com.askkira.http;

/** A request the transport rejects before any service sees it (unknown path, wrong media type…). */
final class HttpError extends RuntimeException {
    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    HttpError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    HttpError(int status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static HttpError notFound() {
        return new HttpError(404, "not_found", "No such path. See /v1/answers, /v1/search and /health.");
    }

    static HttpError methodNotAllowed() {
        return new HttpError(405, "method_not_allowed", "This path does not accept that method.");
    }
}
