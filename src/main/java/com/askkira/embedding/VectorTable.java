package com.askkira.embedding;

import java.util.Arrays;
import java.util.List;

/**
 * Vectors of one dimension, and a query's similarity to each of them in one pass. The labelled
 * questions the answer decision compares every question with (thousands of them) were the largest
 * share of an answer's Java CPU when read one dot product at a time.
 *
 * <p>The rows are stored in blocks of {@code width} rows, one dimension at a time ({@code
 * block[i * width + j]} is dimension {@code i} of the block's row {@code j}), so that one vector
 * instruction reads the same dimension of every row in a block. Each row keeps its own four
 * running sums in {@link Embedder#dot}'s order, whether the block is read by the vector kernel or
 * by the plain loop used when the JDK's vector module is absent: every similarity is that method's
 * to the last bit either way, and so are the neighbours chosen from them.
 */
public final class VectorTable {
    /** Whether this JVM reads tables with {@link VectorKernel} (it has the module, and registers of 4+ floats). */
    private static final boolean SIMD =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorKernel.lanes() >= 4;
    /**
     * Rows a block holds for the plain loop. Longer rows of sums suit the JIT: one scan of 2,720
     * labelled questions took 430 µs at 64 against 470 at 16 (and 147 with the kernel, 290 with the
     * row-by-row layout this replaced). Every launch the README gives adds the module.
     */
    private static final int PLAIN_WIDTH = 64;

    private final float[] blocks;
    private final int dimension;
    private final int size;
    private final int width;
    private final boolean simd;

    private VectorTable(float[] blocks, int dimension, int size, int width, boolean simd) {
        this.blocks = blocks;
        this.dimension = dimension;
        this.size = size;
        this.width = width;
        this.simd = simd;
    }

    /** The table of {@code vectors}, in their order; they must share one dimension. */
    public static VectorTable of(List<float[]> vectors) {
        return of(vectors, SIMD);
    }

    /** As {@link #of(List)}, read by the vector kernel only when {@code simd}; tests compare both. */
    static VectorTable of(List<float[]> vectors, boolean simd) {
        simd &= SIMD;
        int width = simd ? VectorKernel.lanes() : PLAIN_WIDTH;
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        int blockCount = (vectors.size() + width - 1) / width;
        float[] blocks = new float[blockCount * width * dimension];
        for (int r = 0; r < vectors.size(); r++) {
            float[] v = vectors.get(r);
            if (v.length != dimension) {
                throw new IllegalArgumentException(
                        "vector " + r + " has " + v.length + " dimensions, not " + dimension);
            }
            int base = (r / width) * width * dimension + r % width;
            for (int i = 0; i < dimension; i++) {
                blocks[base + i * width] = v[i];
            }
        }
        return new VectorTable(blocks, dimension, vectors.size(), width, simd);
    }

    /**
     * {@code Embedder.dot(query, row)} for every row, in row order: all 0 when the query is empty or
     * of another dimension, as there.
     */
    public float[] similarities(float[] query) {
        if (query.length == 0 || query.length != dimension) {
            return new float[size];
        }
        // Written whole blocks at a time; the last block's unused rows are cut off at the end.
        float[] out = new float[(size + width - 1) / width * width];
        for (int block = 0; block * width < size; block++) {
            int base = block * width * dimension;
            if (simd) {
                VectorKernel.block(query, blocks, base, out, block * width);
            } else {
                plainBlock(query, base, out, block * width);
            }
        }
        return out.length == size ? out : Arrays.copyOf(out, size);
    }

    boolean readsWithVectorKernel() {
        return simd;
    }

    /** One block, a dimension at a time across its rows, each row's sums in {@link Embedder#dot}'s order. */
    private void plainBlock(float[] q, int base, float[] out, int first) {
        float[] s0 = new float[width], s1 = new float[width], s2 = new float[width], s3 = new float[width];
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            add(s0, q[i], base + i * width);
            add(s1, q[i + 1], base + (i + 1) * width);
            add(s2, q[i + 2], base + (i + 2) * width);
            add(s3, q[i + 3], base + (i + 3) * width);
        }
        for (; i < dimension; i++) {
            add(s0, q[i], base + i * width);
        }
        for (int j = 0; j < width; j++) {
            out[first + j] = (s0[j] + s1[j]) + (s2[j] + s3[j]);
        }
    }

    private void add(float[] sums, float qi, int o) {
        for (int j = 0; j < sums.length; j++) {
            sums[j] += qi * blocks[o + j];
        }
    }
}
