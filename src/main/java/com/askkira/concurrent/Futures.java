package com.askkira.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Results of work started elsewhere, with its failure as its own exception. */
public final class Futures {
    private Futures() {}

    /** {@code task}'s result, or what it threw (not wrapped in a {@link CompletionException}). */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throwIfUnchecked(e.getCause());
            throw e;
        }
    }

    /**
     * Throws {@code cause} itself when it is unchecked (a {@link RuntimeException} or an {@link
     * Error}), as the work that failed threw it; returns otherwise, for the caller to wrap it.
     */
    public static void throwIfUnchecked(Throwable cause) {
        if (cause instanceof RuntimeException failure) {
            throw failure;
        }
        if (cause instanceof Error error) {
            throw error;
        }
    }
}
