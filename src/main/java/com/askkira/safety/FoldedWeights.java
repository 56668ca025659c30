package com.askkira.safety;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A linear reader's weights on the raw embedding: the fit standardised each dimension ({@code (x -
 * mean) / scale}), and folding that into the weights and the bias spares the division at every read.
 */
record FoldedWeights(float[] weights, double bias) {
    static FoldedWeights of(double[] mean, double[] scale, double[] weights, double bias) {
        float[] folded = new float[weights.length];
        double b = bias;
        for (int i = 0; i < weights.length; i++) {
            folded[i] = (float) (weights[i] / scale[i]);
            b -= weights[i] * mean[i] / scale[i];
        }
        return new FoldedWeights(folded, b);
    }

    /** The weights a fit wrote as {@code mean}, {@code scale}, {@code weights} and {@code bias}. */
    static FoldedWeights read(JsonNode root) {
        return of(
                doubles(root.get("mean")),
                doubles(root.get("scale")),
                doubles(root.get("weights")),
                root.get("bias").asDouble());
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
