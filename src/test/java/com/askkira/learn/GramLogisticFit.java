package com.askkira.learn;

import java.util.List;

/**
 * Fits a logistic model over a dense vector and sparse binary words: the vector standardised as
 * {@link LogisticFit} does, each word a 0/1 feature left as it is (standardising would make every
 * row dense), both in one class-balanced gradient descent.
 */
public final class GramLogisticFit {
    private GramLogisticFit() {}

    /** One example: its vector, the indices of the words it uses, and whether it is a positive. */
    public record Row(double[] x, int[] grams, boolean positive) {}

    /** A fitted model: p = σ(bias + Σ w·(x − mean)/scale + Σ gramWeights[used]). */
    public record Model(double[] mean, double[] scale, double[] weights, double[] gramWeights, double bias) {
        public double probability(Row row) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * (row.x()[i] - mean[i]) / scale[i];
            }
            for (int g : row.grams()) {
                z += gramWeights[g];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    /**
     * @param grams how many words there are
     * @param l2 the penalty on the vector's weights
     * @param gramL2 the penalty on the words' weights
     */
    public static Model fit(List<Row> train, int grams, double l2, double gramL2, int steps) {
        int n = train.getFirst().x().length;
        LogisticFit.Standardisation s =
                LogisticFit.Standardisation.of(train.stream().map(Row::x).toList());
        double[] mean = s.mean();
        double[] scale = s.scale();
        long positives = train.stream().filter(Row::positive).count();
        double wPos = train.size() / (2.0 * Math.max(1, positives));
        double wNeg = train.size() / (2.0 * Math.max(1, train.size() - positives));
        Model model = new Model(mean, scale, new double[n], new double[grams], 0);
        double bias = 0;
        for (int step = 0; step < steps; step++) {
            double[] grad = new double[n];
            double[] gramGrad = new double[grams];
            double biasGrad = 0;
            for (Row r : train) {
                double err = (model.probability(r) - (r.positive() ? 1 : 0)) * (r.positive() ? wPos : wNeg);
                for (int i = 0; i < n; i++) {
                    grad[i] += err * (r.x()[i] - mean[i]) / scale[i];
                }
                for (int g : r.grams()) {
                    gramGrad[g] += err;
                }
                biasGrad += err;
            }
            for (int i = 0; i < n; i++) {
                model.weights()[i] -= 0.5 * (grad[i] / train.size() + l2 * model.weights()[i]);
            }
            for (int g = 0; g < grams; g++) {
                model.gramWeights()[g] -= 0.5 * (gramGrad[g] / train.size() + gramL2 * model.gramWeights()[g]);
            }
            bias -= 0.5 * biasGrad / train.size();
            model = new Model(mean, scale, model.weights(), model.gramWeights(), bias);
        }
        return model;
    }
}
