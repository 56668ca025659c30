package com.askkira.embedding;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorTable}'s blocks read with the JDK's vector API: one lane a row. {@link VectorTable}
 * touches this class only when the JVM has the vector module ({@code --add-modules
 * jdk.incubator.vector}, as {@code bin/serve} and the tests start it); without it the table is read
 * with the plain loop.
 */
final class VectorKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorKernel() {}

    /** Rows a block holds: the floats one of this machine's vector registers holds. */
    static int lanes() {
        return SPECIES.length();
    }

    /**
     * Rows {@code first…} of the block at {@code base}: lane {@code j} adds, in each of four sums,
     * the same products in the same order as {@link Embedder#dot} for row {@code j}. A multiply then
     * an add, never a fused one, as Java's float arithmetic rounds them.
     */
    static void block(float[] q, float[] blocks, int base, float[] out, int first) {
        VectorSpecies<Float> species = SPECIES;
        int width = species.length();
        int d = q.length;
        FloatVector s0 = FloatVector.zero(species), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            int o = base + i * width;
            s0 = s0.add(FloatVector.fromArray(species, blocks, o).mul(q[i]));
            s1 = s1.add(FloatVector.fromArray(species, blocks, o + width).mul(q[i + 1]));
            s2 = s2.add(FloatVector.fromArray(species, blocks, o + 2 * width).mul(q[i + 2]));
            s3 = s3.add(FloatVector.fromArray(species, blocks, o + 3 * width).mul(q[i + 3]));
        }
        for (; i < d; i++) {
            s0 = s0.add(FloatVector.fromArray(species, blocks, base + i * width).mul(q[i]));
        }
        s0.add(s1).add(s2.add(s3)).intoArray(out, first);
    }
}
