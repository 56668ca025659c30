package com.askkira.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorTableTest {
    private static List<float[]> random(int rows, int dimension, Random random) {
        List<float[]> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            float[] v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = (float) random.nextGaussian();
            }
            out.add(Embedder.normalized(v));
        }
        return out;
    }

    /**
     * Bit for bit, read by the vector kernel or by the plain loop, or a question's nearest labelled
     * neighbours could change with the layout or the JVM's flags.
     */
    @ParameterizedTest(name = "vector kernel: {0}")
    @ValueSource(booleans = {true, false})
    void should_give_every_row_exactly_the_similarity_embedder_dot_gives(boolean simd) {
        Random random = new Random(7);
        for (int[] shape : new int[][] {{2720, 384}, {7, 384}, {17, 384}, {6, 7}, {1, 3}, {5, 2}}) {
            List<float[]> rows = random(shape[0], shape[1], random);
            float[] query = random(1, shape[1], random).get(0);

            VectorTable table = VectorTable.of(rows, simd);
            float[] similarities = table.similarities(query);

            assertThat(similarities).hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertThat(Float.floatToIntBits(similarities[r]))
                        .as("row %d of %d×%d", r, shape[0], shape[1])
                        .isEqualTo(Float.floatToIntBits(Embedder.dot(query, rows.get(r))));
            }
        }
    }

    /** The tests run with the vector module, as {@code bin/serve} does: the kernel is what they check. */
    @Test
    void should_read_with_the_vector_kernel_when_the_module_is_present() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(VectorTable.of(random(3, 4, new Random(2))).readsWithVectorKernel())
                .isTrue();
    }

    @Test
    void should_find_nothing_similar_to_an_empty_query_or_one_of_another_dimension() {
        VectorTable table = VectorTable.of(random(5, 4, new Random(1)));

        assertThat(table.similarities(new float[0])).containsOnly(0f).hasSize(5);
        assertThat(table.similarities(new float[3])).containsOnly(0f).hasSize(5);
        assertThat(VectorTable.of(List.of()).similarities(new float[4])).isEmpty();
    }

    @Test
    void should_refuse_rows_of_different_dimensions() {
        assertThatThrownBy(() -> VectorTable.of(List.of(new float[4], new float[3])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vector 1 has 3 dimensions");
    }
}
