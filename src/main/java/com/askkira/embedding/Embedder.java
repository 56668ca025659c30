package com.askkira.embedding;

import java.util.List;

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

    /**
     * The cosine of two unit vectors; a missing (empty) vector is close to nothing. Summed in a fixed
     * order by plain Java, which the JIT may not reorder: Lucene's vector kernel adds its lanes in an
     * order that differs between interpreted and compiled code and between AVX2 and AVX-512, and a
     * last-bit difference moved sentences across the answer's thresholds from one machine to another.
     */
    static float dot(float[] a, float[] b) {
        if (a.length == 0 || a.length != b.length) {
            return 0;
        }
        // Four running sums keep the loop fast without vector instructions.
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
