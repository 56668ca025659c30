package com.askkira.embedding;

import com.askkira.concurrent.Futures;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An embedder whose model loads on a thread of its own while the rest of Kira starts (the library,
 * the store, the index, the vectors stored at the last start): reading and preparing the model is
 * most of a second that nothing else waits on. Its dimension is known beforehand; whatever embeds
 * first waits for the model, and a model that cannot load fails there, as it would have failed at
 * once ({@link #awaitModel} to wait without embedding).
 */
public final class LoadingEmbedder implements Embedder {
    private final String name;
    private final int dimension;
    private final CompletableFuture<Embedder> model = new CompletableFuture<>();

    private LoadingEmbedder(String name, int dimension) {
        this.name = name;
        this.dimension = dimension;
    }

    /**
     * Starts loading {@code load}, the model called {@code name} whose vectors have {@code
     * dimension} numbers, and returns at once.
     */
    public static LoadingEmbedder start(String name, int dimension, Supplier<Embedder> load) {
        LoadingEmbedder embedder = new LoadingEmbedder(name, dimension);
        Thread.ofPlatform().daemon().name("kira-model-load").start(() -> {
            try {
                Embedder loaded = load.get();
                if (loaded.dimension() != dimension) {
                    throw new IllegalStateException("the embedding model " + name + " writes " + loaded.dimension()
                            + " numbers a text, not " + dimension);
                }
                embedder.model.complete(loaded);
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
        return dimension;
    }

    /** Waits until the model has loaded; a model that cannot load fails here. */
    public void awaitModel() {
        model();
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
        return Futures.join(model);
    }
}
