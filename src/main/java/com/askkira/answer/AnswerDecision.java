package com.askkira.answer;

import com.askkira.learn.Logistic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Whether to answer a question from the library, decline it as a gap in the library
 * ({@code not_covered}), or decline it as outside the field ({@code out_of_scope}): two logistic
 * models over {@link DecisionFeatures}, fitted on labelled questions, each with one calibrated
 * threshold. Both are kept in {@code answer/decision.json} with the data they were fitted on and
 * the figures they gave; {@code AnswerDecisionFit} in the tests refits them.
 */
public final class AnswerDecision {
    /** What to do with a question. */
    public enum Outcome {
        ANSWER,
        NOT_COVERED,
        OUT_OF_SCOPE
    }

    private final GapProbe probe;
    private final Logistic inField;
    private final Logistic covered;
    private final double relevance;

    /**
     * @param probe one of the features, read from the question's embedding
     * @param inField the probability that a question is in the library's field
     * @param covered the probability that the library answers a question in its field
     * @param relevance the least {@code covered} probability an answer needs when only the passages it
     *     cites are read (calibrated apart: fewer passages read lower)
     */
    public AnswerDecision(GapProbe probe, Logistic inField, Logistic covered, double relevance) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.inField = Objects.requireNonNull(inField, "inField");
        this.covered = Objects.requireNonNull(covered, "covered");
        if (inField.size() != DecisionFeatures.NAMES.size() || covered.size() != DecisionFeatures.NAMES.size()) {
            throw new IllegalArgumentException("each model reads the " + DecisionFeatures.NAMES.size() + " features");
        }
        if (!(relevance >= 0 && relevance < 1)) {
            throw new IllegalArgumentException("relevance must be in [0, 1), was " + relevance);
        }
        this.relevance = relevance;
    }

    public static AnswerDecision fromResources() {
        try (InputStream in = AnswerDecision.class.getResourceAsStream("/answer/decision.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /answer/decision.json");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new AnswerDecision(
                    GapProbe.read(root.get("gapProbe")),
                    Logistic.read(root.get("inField")),
                    Logistic.read(root.get("covered")),
                    root.get("relevance").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GapProbe probe() {
        return probe;
    }

    public Logistic inField() {
        return inField;
    }

    public Logistic covered() {
        return covered;
    }

    public double relevance() {
        return relevance;
    }

    /** Whether an answer addresses its question, {@code asCited} read from only the passages it cites. */
    public boolean addresses(DecisionFeatures asCited) {
        return covered.probability(asCited.values()) >= relevance;
    }

    public Outcome decide(DecisionFeatures features) {
        double[] x = features.values();
        if (!inField.accepts(x)) {
            return Outcome.OUT_OF_SCOPE;
        }
        return covered.accepts(x) ? Outcome.ANSWER : Outcome.NOT_COVERED;
    }
}
