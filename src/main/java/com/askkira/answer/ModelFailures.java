package com.askkira.answer;

import dev.langchain4j.exception.HttpException;

/** How a model failure is logged: never its message, which can carry the request or the server's echo of it. */
public final class ModelFailures {
    private ModelFailures() {}

    /** The exception's class, its root cause's class if different, and any HTTP status. */
    public static String describe(Throwable failure) {
        if (failure instanceof ModelReply.StreamFailed stalled) {
            // Kira's own words (a stall, a break): safe to log, and the cause says what broke.
            return stalled.getMessage() + (stalled.getCause() == null ? "" : "; " + describe(stalled.getCause()));
        }
        StringBuilder text = new StringBuilder(failure.getClass().getName());
        Throwable root = failure;
        Integer status = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof HttpException http && status == null) {
                status = http.statusCode();
            }
            root = t;
        }
        if (root != failure) {
            text.append(" caused by ").append(root.getClass().getName());
        }
        if (status != null) {
            text.append(", HTTP ").append(status);
        }
        return text.toString();
    }
}
