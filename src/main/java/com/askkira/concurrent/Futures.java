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
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
