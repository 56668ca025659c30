package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.answer.AnswerDecision.Outcome;
import com.askkira.embedding.Embedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The neighbours' shares, kept without sorting, are those a stable sort of every example gives. */
class LabelledNeighboursTest {
    private static final Outcome[] LABELS = Outcome.values();

    @Test
    void should_give_the_shares_of_a_stable_sort_of_every_example_ties_included() {
        Random random = new Random(20261206);
        for (int round = 0; round < 500; round++) {
            int count = 5 + random.nextInt(60);
            List<String> questions = new ArrayList<>();
            List<Outcome> labels = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                questions.add("q" + i);
                labels.add(LABELS[random.nextInt(LABELS.length)]);
                // Few distinct values: many ties, some negative similarities.
                vectors.add(new float[] {random.nextInt(5) - 2, random.nextInt(3)});
            }
            LabelledNeighbours neighbours = LabelledNeighbours.of(questions, labels, new Given(questions, vectors));
            float[] question = {random.nextInt(5) - 2, random.nextInt(3) - 1};
            String leftOut = random.nextBoolean() ? "q" + random.nextInt(count) : null;

            assertThat(neighbours.shares(question, leftOut))
                    .as("round %d", round)
                    .isEqualTo(sorted(questions, labels, vectors, question, leftOut));
        }
    }

    /** The shares as the first version computed them: every example sorted, then the first ten. */
    private static LabelledNeighbours.Shares sorted(
            List<String> questions, List<Outcome> labels, List<float[]> vectors, float[] question, String leftOut) {
        record Scored(Outcome label, double similarity) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (!questions.get(i).equals(leftOut)) {
                scored.add(new Scored(labels.get(i), Embedder.dot(question, vectors.get(i))));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        List<Scored> inField =
                scored.stream().filter(s -> s.label() != Outcome.OUT_OF_SCOPE).toList();
        return new LabelledNeighbours.Shares(
                share(inField, Outcome.NOT_COVERED, s -> s.label(), s -> s.similarity()),
                share(scored, Outcome.OUT_OF_SCOPE, s -> s.label(), s -> s.similarity()));
    }

    private static <T> double share(
            List<T> nearestFirst,
            Outcome label,
            java.util.function.Function<T, Outcome> labelOf,
            java.util.function.ToDoubleFunction<T> similarityOf) {
        double weight = 0, labelled = 0;
        for (T s : nearestFirst.subList(0, Math.min(LabelledNeighbours.NEIGHBOURS, nearestFirst.size()))) {
            double w = Math.max(0, similarityOf.applyAsDouble(s));
            weight += w;
            labelled += labelOf.apply(s) == label ? w : 0;
        }
        return weight == 0 ? 0 : labelled / weight;
    }

    /** An embedder that knows the vector of each example by its text. */
    private record Given(List<String> texts, List<float[]> vectors) implements Embedder {
        @Override
        public String name() {
            return "given";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embedQuery(String text) {
            return vectors.get(texts.indexOf(text));
        }

        @Override
        public List<float[]> embedPassages(List<String> asked) {
            Map<String, float[]> byText = new java.util.HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                byText.put(texts.get(i), vectors.get(i));
            }
            return asked.stream().map(byText::get).toList();
        }
    }
}
