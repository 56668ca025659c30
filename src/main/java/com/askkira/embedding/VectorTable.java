package com.askkira.embedding;

import java.util.List;

/**
 * Vectors of one dimension kept end to end in one array, and a query's similarity to each of them
 * in one pass. The labelled questions the answer decision and the search compare every question with
 * (thousands of them) were separate arrays, read one dot product at a time: that was the largest
 * share of an answer's Java CPU. Here four rows are read side by side, each with its own four running
 * sums added in {@link Embedder#dot}'s order, so every similarity is that method's to the last bit.
 */
public final class VectorTable {
    private final float[] rows;
    private final int dimension;
    private final int size;

    private VectorTable(float[] rows, int dimension, int size) {
        this.rows = rows;
        this.dimension = dimension;
        this.size = size;
    }

    /** The table of {@code vectors}, in their order; they must share one dimension. */
    public static VectorTable of(List<float[]> vectors) {
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        float[] rows = new float[vectors.size() * dimension];
        for (int r = 0; r < vectors.size(); r++) {
            float[] v = vectors.get(r);
            if (v.length != dimension) {
                throw new IllegalArgumentException(
                        "vector " + r + " has " + v.length + " dimensions, not " + dimension);
            }
            System.arraycopy(v, 0, rows, r * dimension, dimension);
        }
        return new VectorTable(rows, dimension, vectors.size());
    }

    /**
     * {@code Embedder.dot(query, row)} for every row, in row order: all 0 when the query is empty or
     * of another dimension, as there.
     */
    public float[] similarities(float[] query) {
        float[] out = new float[size];
        if (query.length == 0 || query.length != dimension) {
            return out;
        }
        int r = 0;
        for (; r + 3 < size; r += 4) {
            fourRows(query, r, out);
        }
        for (; r < size; r++) {
            out[r] = oneRow(query, r * dimension);
        }
        return out;
    }

    /**
     * Rows {@code r} to {@code r + 3}, their sixteen sums side by side. Written out rather than kept in
     * arrays: as locals the JIT holds them in registers, which is the whole gain.
     */
    private void fourRows(float[] q, int r, float[] out) {
        int d = dimension, o0 = r * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        float c0 = 0, c1 = 0, c2 = 0, c3 = 0, e0 = 0, e1 = 0, e2 = 0, e3 = 0;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            float q0 = q[i], q1 = q[i + 1], q2 = q[i + 2], q3 = q[i + 3];
            a0 += q0 * rows[o0 + i];
            a1 += q1 * rows[o0 + i + 1];
            a2 += q2 * rows[o0 + i + 2];
            a3 += q3 * rows[o0 + i + 3];
            b0 += q0 * rows[o1 + i];
            b1 += q1 * rows[o1 + i + 1];
            b2 += q2 * rows[o1 + i + 2];
            b3 += q3 * rows[o1 + i + 3];
            c0 += q0 * rows[o2 + i];
            c1 += q1 * rows[o2 + i + 1];
            c2 += q2 * rows[o2 + i + 2];
            c3 += q3 * rows[o2 + i + 3];
            e0 += q0 * rows[o3 + i];
            e1 += q1 * rows[o3 + i + 1];
            e2 += q2 * rows[o3 + i + 2];
            e3 += q3 * rows[o3 + i + 3];
        }
        for (; i < d; i++) { // as Embedder.dot: the dimensions past the last four go to the first sum
            a0 += q[i] * rows[o0 + i];
            b0 += q[i] * rows[o1 + i];
            c0 += q[i] * rows[o2 + i];
            e0 += q[i] * rows[o3 + i];
        }
        out[r] = (a0 + a1) + (a2 + a3);
        out[r + 1] = (b0 + b1) + (b2 + b3);
        out[r + 2] = (c0 + c1) + (c2 + c3);
        out[r + 3] = (e0 + e1) + (e2 + e3);
    }

    private float oneRow(float[] q, int o) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            s0 += q[i] * rows[o + i];
            s1 += q[i + 1] * rows[o + i + 1];
            s2 += q[i + 2] * rows[o + i + 2];
            s3 += q[i + 3] * rows[o + i + 3];
        }
        for (; i < dimension; i++) {
            s0 += q[i] * rows[o + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
