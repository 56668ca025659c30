package com.askkira.answer;

import com.askkira.learn.Logistic;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A linear reading of a question's embedding, fitted on the answer decision's labelled in-field
 * questions: how likely the question is one the library does not cover. Where {@link
 * LabelledNeighbours} asks the ten nearest labelled questions, the probe reads the direction the
 * labels lie along ("who may learn what I said" against "which drug, which form, which country"),
 * so it also speaks for questions far from every labelled one. It is fitted with the decision and
 * kept in {@code answer/decision.json}.
 */
public record GapProbe(Logistic notCovered) {
    /** What the probe reads of a question with no embedding: no lean either way. */
    public static final double NO_READING = 0.5;

    /** The probability that the question embedded as {@code vector} is a gap in the library. */
    public double read(float[] vector) {
        if (vector.length != notCovered.size()) {
            return NO_READING;
        }
        double[] x = new double[vector.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = vector[i];
        }
        return notCovered.probability(x);
    }

    static GapProbe read(JsonNode node) {
        return new GapProbe(Logistic.read(node));
    }

    public String json() {
        return notCovered.json();
    }
}
