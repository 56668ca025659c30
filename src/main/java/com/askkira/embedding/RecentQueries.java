package com.askkira.embedding;

import com.askkira.cache.RecentResults;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedder that remembers the vectors of the last queries it embedded. One question is read by
 * the crisis screen and then searched: the same text, so without this it was embedded twice (two
 * thirds of an answer's CPU was embedding). Passages are embedded as they come: they are the index's
 * to keep, not this cache's.
 */
final class RecentQueries implements Embedder {
    private final Embedder embedder;
    private final RecentResults<String, float[]> recent;

    /** @param capacity how many query vectors to keep (each 1.5 KB at 384 dimensions) */
    RecentQueries(Embedder embedder, int capacity) {
        this.embedder = embedder;
        this.recent = new RecentResults<>(capacity);
    }

    @Override
    public String name() {
        return embedder.name();
    }

    @Override
    public int dimension() {
        return embedder.dimension();
    }

    @Override
    public float[] embedQuery(String text) {
        return recent.get(text, embedder::embedQuery);
    }

    /** The remembered vectors, and the others embedded in one batch. */
    @Override
    public List<float[]> embedQueries(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            float[] known = recent.known(text).orElse(null);
            vectors.add(known);
            if (known == null) {
                missing.add(text);
            }
        }
        if (missing.isEmpty()) {
            return vectors;
        }
        List<float[]> embedded = embedder.embedQueries(missing);
        for (int i = 0, next = 0; i < vectors.size(); i++) {
            if (vectors.get(i) == null) {
                float[] vector = embedded.get(next++);
                vectors.set(i, vector);
                recent.put(texts.get(i), vector);
            }
        }
        return vectors;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return embedder.embedPassages(texts);
    }
}
