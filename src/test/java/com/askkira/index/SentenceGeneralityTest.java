package com.askkira.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.Embedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index's sentence generality keeps only each sentence's ten closest similarities instead of
 * sorting them all: it must give, bit for bit, what the full sort gave.
 */
class SentenceGeneralityTest {

    @Test
    void should_equal_the_mean_of_the_sorted_similarities_bit_for_bit() {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 2, 3, 10, 11, 12, 57, 600}) {
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                float[] v = new float[24];
                for (int d = 0; d < v.length; d++) {
                    // Few distinct values, so that similarities tie often.
                    v[d] = random.nextInt(3) - 1;
                }
                vectors.add(Embedder.normalized(v));
            }
            if (size > 3) {
                vectors.set(1, vectors.get(0).clone()); // a sentence the library says twice
            }
            assertThat(IndexBuilder.generality(vectors))
                    .as("%d sentences", size)
                    .isEqualTo(bySorting(vectors));
        }
    }

    /** What the index builder computed before: every row sorted, the largest summed in ascending order. */
    private static float[] bySorting(List<float[]> vectors) {
        int neighbours = Math.min(10, Math.max(1, vectors.size() - 1));
        float[] out = new float[vectors.size()];
        float[] similarities = new float[vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = 0; j < vectors.size(); j++) {
                similarities[j] = i == j ? -1 : Embedder.dot(vectors.get(i), vectors.get(j));
            }
            float[] sorted = similarities.clone();
            Arrays.sort(sorted);
            float sum = 0;
            for (int k = sorted.length - neighbours; k < sorted.length; k++) {
                sum += sorted[k];
            }
            out[i] = vectors.size() < 2 ? 0 : sum / neighbours;
        }
        return out;
    }
}
