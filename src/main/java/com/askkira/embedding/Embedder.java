package com.askkira.embedding;

import java.util.List;
import org.apache.lucene.util.VectorUtil;

/** Turns text into unit-length vectors, so that a dot product is the cosine similarity. */
public interface Embedder {
    /** Names the model; an index built with another model is rebuilt. */
    String name();

    int dimension();

    /** A reader's question or search, as the model wants queries embedded. */
    float[] embedQuery(String text);

    /** Several queries at once, each as {@link #embedQuery} would embed it. */
    default List<float[]> embedQueries(List<String> texts) {
        return texts.stream().map(this::embedQuery).toList();
    }

    /** Library text (chunks, sentences, topic descriptions), embedded as passages. */
    List<float[]> embedPassages(List<String> texts);

    /** A copy of {@code v} scaled to unit length (the zero vector stays zero). */
    static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    /** The cosine of two unit vectors, by Lucene's vectorised kernel; a missing (empty) vector is close to nothing. */
    static float dot(float[] a, float[] b) {
        return a.length == 0 || a.length != b.length ? 0 : VectorUtil.dotProduct(a, b);
    }
}
