package dev.stepwise.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A multinomial logistic regression over {@link Features} (a sentence embedding and hashed words): one weight vector
 * and bias per intent, trained with Adam on the examples (classes weighted by the square root of their inverse
 * frequency, so a large class doesn't drown the small ones, and an L2 penalty against overfitting near-duplicates).
 * Its probabilities are what the engine's bounds are set in. Training on ~650 examples takes about a second.
 */
final class Softmax {

    private static final int EPOCHS = 200;
    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 1e-4;

    private final String[] labels;
    private final double[][] weights;

    private Softmax(String[] labels, double[][] weights) {
        this.labels = labels;
        this.weights = weights;
    }

    static Softmax train(Map<String, List<Features>> examples) {
        String[] labels = examples.keySet().toArray(String[]::new);
        int classes = labels.length;
        int dense = examples.values().stream().flatMap(List::stream).findFirst().map(f -> f.embedding().length).orElse(0);
        int dimensions = dense + Features.BUCKETS + 1;
        int total = examples.values().stream().mapToInt(List::size).sum();
        Features[] x = new Features[total];
        int[] y = new int[total];
        double[] sampleWeight = new double[total];
        int n = 0;
        for (int c = 0; c < classes; c++) {
            List<Features> rows = examples.get(labels[c]);
            double weight = Math.sqrt((double) total / (classes * Math.max(1, rows.size())));
            for (Features row : rows) {
                x[n] = row;
                y[n] = c;
                sampleWeight[n] = weight;
                n++;
            }
        }
        double weightSum = Arrays.stream(sampleWeight).sum();
        double[][] w = new double[classes][dimensions];
        double[][] m = new double[classes][dimensions];
        double[][] v = new double[classes][dimensions];
        double[][] gradient = new double[classes][dimensions];
        double[] p = new double[classes];
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            for (double[] row : gradient) {
                Arrays.fill(row, 0);
            }
            for (int i = 0; i < total; i++) {
                probabilities(w, x[i], p);
                for (int c = 0; c < classes; c++) {
                    double error = (p[c] - (y[i] == c ? 1 : 0)) * sampleWeight[i] / weightSum;
                    double[] g = gradient[c];
                    float[] e = x[i].embedding();
                    for (int d = 0; d < e.length; d++) {
                        g[d] += error * e[d];
                    }
                    int[] buckets = x[i].buckets();
                    float[] values = x[i].weights();
                    for (int k = 0; k < buckets.length; k++) {
                        g[dense + buckets[k]] += error * values[k];
                    }
                    g[dimensions - 1] += error;
                }
            }
            double correction1 = 1 - Math.pow(0.9, epoch);
            double correction2 = 1 - Math.pow(0.999, epoch);
            for (int c = 0; c < classes; c++) {
                double[] wc = w[c];
                double[] mc = m[c];
                double[] vc = v[c];
                double[] gc = gradient[c];
                for (int d = 0; d < dimensions; d++) {
                    double g = gc[d] + (d < dimensions - 1 ? L2 * wc[d] : 0);
                    if (g == 0 && mc[d] == 0) {
                        continue;
                    }
                    mc[d] = 0.9 * mc[d] + 0.1 * g;
                    vc[d] = 0.999 * vc[d] + 0.001 * g * g;
                    wc[d] -= LEARNING_RATE * (mc[d] / correction1) / (Math.sqrt(vc[d] / correction2) + 1e-8);
                }
            }
        }
        return new Softmax(labels, w);
    }

    String[] labels() {
        return labels;
    }

    /** Each intent's probability, in the order of {@link #labels()}. */
    double[] probabilities(Features features) {
        double[] p = new double[labels.length];
        probabilities(weights, features, p);
        return p;
    }

    private static void probabilities(double[][] w, Features x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        float[] e = x.embedding();
        int dense = e.length;
        int[] buckets = x.buckets();
        float[] values = x.weights();
        for (int c = 0; c < w.length; c++) {
            double[] wc = w[c];
            double z = wc[wc.length - 1];
            for (int d = 0; d < dense; d++) {
                z += wc[d] * e[d];
            }
            for (int k = 0; k < buckets.length; k++) {
                z += wc[dense + buckets[k]] * values[k];
            }
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
    }
}
