package com.askkira.answer;

import com.askkira.answer.AnswerDecision.Outcome;
import com.askkira.embedding.Embedder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
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

    private record Example(String question, Outcome label, float[] vector) {}

    /** The similarity-weighted share of the nearest in-field neighbours not covered, and of all neighbours outside. */
    public record Shares(double notCovered, double outOfScope) {}

    private final List<Example> examples;

    private LabelledNeighbours(List<Example> examples) {
        this.examples = List.copyOf(examples);
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
            examples.add(new Example(questions.get(i), labels.get(i), vectors.get(i)));
        }
        return new LabelledNeighbours(examples);
    }

    /** The shares for a question; {@code leaveOut} (a labelled question itself, when fitting) is not its own neighbour. */
    public Shares shares(float[] questionVector, String leaveOut) {
        List<Scored> scored = new ArrayList<>(examples.size());
        for (Example e : examples) {
            if (!e.question().equals(leaveOut)) {
                scored.add(new Scored(e.label(), Embedder.dot(questionVector, e.vector())));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        double notCovered = share(
                scored.stream().filter(s -> s.label() != Outcome.OUT_OF_SCOPE).toList(), Outcome.NOT_COVERED);
        double outOfScope = share(scored, Outcome.OUT_OF_SCOPE);
        return new Shares(notCovered, outOfScope);
    }

    public Shares shares(float[] questionVector) {
        return shares(questionVector, null);
    }

    private record Scored(Outcome label, double similarity) {}

    private static double share(List<Scored> nearestFirst, Outcome label) {
        double weight = 0, labelled = 0;
        for (Scored s : nearestFirst.subList(0, Math.min(NEIGHBOURS, nearestFirst.size()))) {
            double w = Math.max(0, s.similarity());
            weight += w;
            labelled += s.label() == label ? w : 0;
        }
        return weight == 0 ? 0 : labelled / weight;
    }
}
