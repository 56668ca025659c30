package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeping the three most similar exemplars gives what sorting them all gave: the same first, the same mean. */
class ClosestExemplarsTest {
    private record Offered(SemanticCrisisScreen.Exemplar exemplar, double similarity) {}

    @Test
    void should_keep_the_head_of_a_stable_sort_by_similarity() {
        Random random = new Random(11);
        double[] values = {0.9, 0.8, 0.8, 0.75, 0.5, 0.0, -0.0, -0.3};
        for (int round = 0; round < 5_000; round++) {
            List<Offered> offered = new ArrayList<>();
            SemanticCrisisScreen.Closest closest = new SemanticCrisisScreen.Closest();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties are common; some drawn at random, as real similarities are.
                double similarity = random.nextBoolean() ? values[random.nextInt(values.length)] : random.nextDouble();
                Offered o = new Offered(
                        new SemanticCrisisScreen.Exemplar(
                                true, Set.of(RiskKind.values()[i % RiskKind.values().length]), new float[0]),
                        similarity);
                offered.add(o);
                closest.offer(o.exemplar(), o.similarity());
            }
            List<Offered> sorted = new ArrayList<>(offered);
            sorted.sort(Comparator.comparing(Offered::similarity, (a, b) -> Double.compare(b, a)));
            double mean = sorted.stream()
                    .limit(3)
                    .mapToDouble(Offered::similarity)
                    .average()
                    .orElse(0);

            assertThat(closest.meanSimilarity()).isEqualTo(mean);
            if (n > 0) {
                assertThat(closest.first()).isSameAs(sorted.getFirst().exemplar());
            }
        }
    }
}
