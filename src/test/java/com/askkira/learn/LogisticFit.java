package com.askkira.learn;

import java.util.List;

/** Fits {@link Logistic} models: the answer decision's, its probes' and the learned crisis reader's. */
public final class LogisticFit {
    private static final int STEPS = 4000;

    private LogisticFit() {}

    /** One example: its features and whether it is a positive. */
    public record Labelled(double[] x, boolean positive) {}

    /**
     * Class-balanced logistic regression by gradient descent on standardised features, L2-regularised
     * by {@code l2}; threshold 0.5 until one is calibrated.
     */
    public static Logistic fit(List<Labelled> train, double l2) {
        return fit(train, l2, STEPS);
    }

    /** The same, by {@code steps} steps of gradient descent. */
    public static Logistic fit(List<Labelled> train, double l2, int steps) {
        int n = train.getFirst().x().length;
        Standardisation s = Standardisation.of(train.stream().map(Labelled::x).toList());
        double[] mean = s.mean();
        double[] scale = s.scale();
        long positives = train.stream().filter(Labelled::positive).count();
        double wPos = train.size() / (2.0 * Math.max(1, positives));
        double wNeg = train.size() / (2.0 * Math.max(1, train.size() - positives));
        double[] w = new double[n];
        double b = 0;
        for (int step = 0; step < steps; step++) {
            double[] grad = new double[n];
            double gradB = 0;
            for (Labelled e : train) {
                double z = b;
                for (int i = 0; i < n; i++) {
                    z += w[i] * (e.x()[i] - mean[i]) / scale[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                double err = (p - (e.positive() ? 1 : 0)) * (e.positive() ? wPos : wNeg);
                for (int i = 0; i < n; i++) {
                    grad[i] += err * (e.x()[i] - mean[i]) / scale[i];
                }
                gradB += err;
            }
            for (int i = 0; i < n; i++) {
                w[i] -= 0.5 * (grad[i] / train.size() + l2 * w[i]);
            }
            b -= 0.5 * gradB / train.size();
        }
        return new Logistic(mean, scale, w, b, 0.5);
    }

    /** Each feature's mean and standard deviation (at least 1e-6) over the fitting rows. */
    public record Standardisation(double[] mean, double[] scale) {
        public static Standardisation of(List<double[]> rows) {
            int n = rows.getFirst().length;
            double[] mean = new double[n];
            double[] scale = new double[n];
            for (double[] x : rows) {
                for (int i = 0; i < n; i++) {
                    mean[i] += x[i] / rows.size();
                }
            }
            for (double[] x : rows) {
                for (int i = 0; i < n; i++) {
                    scale[i] += Math.pow(x[i] - mean[i], 2) / rows.size();
                }
            }
            for (int i = 0; i < n; i++) {
                scale[i] = Math.max(1e-6, Math.sqrt(scale[i]));
            }
            return new Standardisation(mean, scale);
        }
    }

    /** The highest threshold that rejects at most {@code budget} of {@code mustAccept}. */
    public static Logistic withThreshold(Logistic model, List<double[]> mustAccept, int budget) {
        double[] p =
                mustAccept.stream().mapToDouble(model::probability).sorted().toArray();
        double threshold =
                p.length == 0 ? 0.5 : Math.min(0.95, Math.max(0.01, p[Math.min(budget, p.length - 1)] - 1e-9));
        return model.withThreshold(threshold);
    }
}
