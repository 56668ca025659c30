package com.askkira.embedding;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An embedder whose model loads on a thread of its own while the rest of Kira starts (the library,
 * the store, the index): reading and preparing the model is most of a second that nothing else
 * waits on. Whatever embeds first waits for it; a model that cannot load fails there, as it would
 * have failed at once.
 */
public final class LoadingEmbedder implements Embedder {
    private final String name;
    private final CompletableFuture<Embedder> model = new CompletableFuture<>();

    private LoadingEmbedder(String name) {
        this.name = name;
    }

    /** Starts loading {@code load}, the model called {@code name}, and returns at once. */
    public static LoadingEmbedder start(String name, Supplier<Embedder> load) {
        LoadingEmbedder embedder = new LoadingEmbedder(name);
        Thread.ofPlatform().daemon().name("kira-model-load").start(() -> {
            try {
                embedder.model.complete(load.get());
            } catch (RuntimeException | Error e) {
                embedder.model.completeExceptionally(e);
            }
        });
        return embedder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return model().dimension();
    }

    @Override
    public float[] embedQuery(String text) {
        return model().embedQuery(text);
    }

    @Override
    public List<float[]> embedQueries(List<String> texts) {
        return model().embedQueries(texts);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return model().embedPassages(texts);
    }

    private Embedder model() {
        try {
            return model.join();
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
