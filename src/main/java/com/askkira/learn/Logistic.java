package com.askkira.learn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A logistic model over standardised features: p = σ(bias + Σ w·(x − mean)/scale), accepted at or
 * above {@code threshold}.
 */
public record Logistic(double[] mean, double[] scale, double[] weights, double bias, double threshold) {
    public Logistic {
        if (mean.length != weights.length || scale.length != weights.length) {
            throw new IllegalArgumentException("a model needs as many means and scales as weights");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, was " + threshold);
        }
    }

    /** The number of features the model reads. */
    public int size() {
        return weights.length;
    }

    public double probability(double[] x) {
        return sigmoid(logit(x));
    }

    /** The log-odds the model gives {@code x}, to which a caller may add what it reads elsewhere. */
    public double logit(double[] x) {
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return z;
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    public boolean accepts(double[] x) {
        return probability(x) >= threshold;
    }

    /** The same model, accepted at {@code newThreshold}. */
    public Logistic withThreshold(double newThreshold) {
        return new Logistic(mean, scale, weights, bias, newThreshold);
    }

    /** A model as {@link #json()} writes it. */
    public static Logistic read(JsonNode node) {
        return new Logistic(
                doubles(node.get("mean")),
                doubles(node.get("scale")),
                doubles(node.get("weights")),
                node.get("bias").asDouble(),
                node.get("threshold").asDouble());
    }

    public String json() {
        return String.format(
                Locale.ROOT,
                "{\"mean\": %s, \"scale\": %s, \"weights\": %s, \"bias\": %.6f, \"threshold\": %.6f}",
                array(mean),
                array(scale),
                array(weights),
                bias,
                threshold);
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static String array(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", values[i]));
        }
        return s.append(']').toString();
    }
}
