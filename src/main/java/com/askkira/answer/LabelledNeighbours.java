package com.askkira.answer;

import com.askkira.answer.AnswerDecision.Outcome;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.MostSimilar;
import com.askkira.embedding.VectorTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled questions the answer decision was fitted on, by meaning: how many of a question's
 * nearest labelled neighbours the library does not cover, or are outside its field. A question
 * about record retention sits among the labelled record-retention gaps even when some library
 * sentence shares its words. {@code answer/decision-examples.json} is written by {@code
 * AnswerDecisionFit} with the model it goes with.
 */
public final class LabelledNeighbours {
    /**
     * Chosen on the fitting data (its first 598 English questions), each question's own label left
     * out: the declines' recalls at the calibrated thresholds (not covered + out of scope) were 1.19
     * at 3, 1.40 at 7, 1.43 at 10, 1.40 at 15 and 1.38 at 20.
     */
    static final int NEIGHBOURS = 10;

    private record Example(String question, Outcome label) {}

    /** The similarity-weighted share of the nearest in-field neighbours not covered, and of all neighbours outside. */
    public record Shares(double notCovered, double outOfScope) {}

    private final List<Example> examples;
    private final VectorTable vectors;

    private LabelledNeighbours(List<Example> examples, VectorTable vectors) {
        this.examples = List.copyOf(examples);
        this.vectors = vectors;
    }

    public static LabelledNeighbours fromResources(Embedder embedder) {
        try (InputStream in = LabelledNeighbours.class.getResourceAsStream("/answer/decision-examples.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /answer/decision-examples.json");
            }
            List<String> questions = new ArrayList<>();
            List<Outcome> labels = new ArrayList<>();
            for (JsonNode q : new ObjectMapper().readTree(in).get("questions")) {
                questions.add(q.get("question").asText());
                labels.add(Outcome.valueOf(q.get("label").asText()));
            }
            return of(questions, labels, embedder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Labelled questions, {@code labels.get(i)} being what Kira should do with {@code questions.get(i)}. */
    public static LabelledNeighbours of(List<String> questions, List<Outcome> labels, Embedder embedder) {
        List<float[]> vectors = embedder.embedPassages(questions);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            examples.add(new Example(questions.get(i), labels.get(i)));
        }
        return new LabelledNeighbours(examples, VectorTable.of(vectors));
    }

    /** The shares for a question; {@code leaveOut} (a labelled question itself, when fitting) is not its own neighbour. */
    public Shares shares(float[] questionVector, String leaveOut) {
        Nearest inField = new Nearest();
        Nearest all = new Nearest();
        float[] similarities = vectors.similarities(questionVector);
        for (int i = 0; i < similarities.length; i++) {
            Example e = examples.get(i);
            if (leaveOut != null && e.question().equals(leaveOut)) {
                continue;
            }
            double similarity = similarities[i];
            all.offer(e.label(), similarity);
            if (e.label() != Outcome.OUT_OF_SCOPE) {
                inField.offer(e.label(), similarity);
            }
        }
        return new Shares(inField.share(Outcome.NOT_COVERED), all.share(Outcome.OUT_OF_SCOPE));
    }

    public Shares shares(float[] questionVector) {
        return shares(questionVector, null);
    }

    /**
     * The {@link #NEIGHBOURS} most similar examples offered, most similar first and, among equals, the
     * first offered first: what a stable sort of them all would put at its head, without the sort.
     */
    private static final class Nearest {
        private final MostSimilar<Outcome> kept = new MostSimilar<>(NEIGHBOURS);

        void offer(Outcome label, double similarity) {
            kept.offer(label, similarity);
        }

        /** The similarity-weighted share of {@code label} among them (negative similarities weigh nothing). */
        double share(Outcome label) {
            double weight = 0, labelled = 0;
            for (int i = 0; i < kept.size(); i++) {
                double w = Math.max(0, kept.similarity(i));
                weight += w;
                labelled += kept.item(i) == label ? w : 0;
            }
            return weight == 0 ? 0 : labelled / weight;
        }
    }
}
