package com.askkira.answer;

import com.askkira.learn.Logistic;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A linear reading of a question's embedding and wording, fitted on the answer decision's labelled
 * in-field questions: how likely the question is one the library does not cover. Where {@link
 * LabelledNeighbours} asks the ten nearest labelled questions, the probe reads the direction the
 * labels lie along ("who may learn what I said" against "which drug, which form, which country"),
 * so it also speaks for questions far from every labelled one; the wording tells a question on a
 * subject the library treats from one that asks of it what the library does not say ("how many
 * days", "what penalty"). It is fitted with the decision and kept in {@code answer/decision.json}.
 */
public record GapProbe(QuestionWording wording, Logistic notCovered) {
    /** What the probe reads of a question with no embedding: no lean either way. */
    public static final double NO_READING = 0.5;

    /** The probability that the question {@code text}, embedded as {@code vector}, is a gap in the library. */
    public double read(String text, float[] vector) {
        if (vector.length + wording.known().size() != notCovered.size()) {
            return NO_READING;
        }
        return notCovered.probability(features(wording, text, vector));
    }

    /** What a probe knowing {@code wording} reads of a question: its embedding, then the grams it uses. */
    public static double[] features(QuestionWording wording, String text, float[] vector) {
        double[] uses = wording.uses(text);
        double[] x = new double[vector.length + uses.length];
        for (int i = 0; i < vector.length; i++) {
            x[i] = vector[i];
        }
        System.arraycopy(uses, 0, x, vector.length, uses.length);
        return x;
    }

    static GapProbe read(JsonNode node) {
        List<String> known = new ArrayList<>();
        node.path("wording").forEach(gram -> known.add(gram.asText()));
        return new GapProbe(new QuestionWording(known), Logistic.read(node));
    }

    public String json() {
        // Grams hold only a-z, 0-9 and spaces: nothing to escape.
        String grams = wording.known().stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(", ", "[", "]"));
        return "{\"wording\": " + grams + ", " + notCovered.json().substring(1);
    }
}
