package org.mnistlab.network;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.Normalization;

/**
 * Everything that defines an experiment: the architecture of a 784-…-10 perceptron and how it is
 * trained. Always valid: the constructor rejects any value outside its range with an
 * {@link InvalidSpecException} that names the field.
 *
 * <p>The output layer is fixed: 10 softmax units trained with cross-entropy, as in the notebooks.
 *
 * @param dropout probability of <em>dropping</em> a hidden unit's output during training
 *     (PyTorch's convention; DL4J's own parameter is the probability of keeping it)
 */
public record NetworkSpec(
        List<HiddenLayer> hiddenLayers,
        OptimizerKind optimizer,
        double learningRate,
        double momentum,
        int batchSize,
        int epochs,
        long seed,
        double dropout,
        double l2,
        WeightInitKind weightInit,
        double initScale,
        Normalization normalization) {

    public static final int INPUTS = DigitSet.PIXELS;
    public static final int OUTPUTS = DigitSet.CLASSES;
    public static final int MAX_HIDDEN_LAYERS = 8;
    public static final double MAX_LEARNING_RATE = 100;
    public static final int MAX_BATCH = 60_000;
    public static final int MAX_EPOCHS = 1000;

    public NetworkSpec {
        if (hiddenLayers == null) hiddenLayers = List.of();
        hiddenLayers = List.copyOf(hiddenLayers);
        if (hiddenLayers.size() > MAX_HIDDEN_LAYERS) {
            throw new InvalidSpecException("layers", hiddenLayers.size()
                    + " hidden layers; allowed 0-" + MAX_HIDDEN_LAYERS);
        }
        require(optimizer != null, "optimizer", "missing");
        require(weightInit != null, "init", "missing");
        require(normalization != null, "normalization", "missing");
        requireRange("learning rate", learningRate, 0, false, MAX_LEARNING_RATE);
        requireRange("momentum", momentum, 0, true, 0.999);
        requireBetween("batch size", batchSize, 1, MAX_BATCH);
        requireBetween("epochs", epochs, 1, MAX_EPOCHS);
        requireRange("dropout", dropout, 0, true, 0.95);
        requireRange("L2", l2, 0, true, 1);
        requireRange("init scale", initScale, 0, false, 10);
    }

    /** The notebook network: 784-64-32-10 ReLU, SGD 0.05, batch 100, 5 epochs, He init. */
    public static NetworkSpec defaults() {
        return new NetworkSpec(
                List.of(new HiddenLayer(64, ActivationKind.RELU), new HiddenLayer(32, ActivationKind.RELU)),
                OptimizerKind.SGD, 0.05, 0.9, 100, 5, 1, 0, 0, WeightInitKind.HE, 0.05,
                Normalization.SCALE_01);
    }

    /** Layer sizes from input to output, e.g. "784-64-32-10". */
    public String architecture() {
        return Arrays.stream(layerWidths()).mapToObj(String::valueOf).collect(Collectors.joining("-"));
    }

    /** Layer widths from input to output: [784, 64, 32, 10]. */
    public int[] layerWidths() {
        int[] widths = new int[hiddenLayers.size() + 2];
        widths[0] = INPUTS;
        for (int i = 0; i < hiddenLayers.size(); i++) widths[i + 1] = hiddenLayers.get(i).units();
        widths[widths.length - 1] = OUTPUTS;
        return widths;
    }

    /** Weights plus biases of every layer: 784-64-32-10 has 52,650. */
    public long parameterCount() {
        int[] w = layerWidths();
        long total = 0;
        for (int i = 1; i < w.length; i++) total += (long) w[i - 1] * w[i] + w[i];
        return total;
    }

    /** A one-line summary for run lists and logs: "784-64-32-10 ReLU · SGD lr 0.05 · batch 100". */
    public String summary() {
        String activations = hiddenLayers.stream().map(l -> l.activation().toString())
                .distinct().collect(Collectors.joining("/"));
        return architecture() + (activations.isEmpty() ? "" : " " + activations)
                + " · " + optimizer + " lr " + formatNumber(learningRate) + " · batch " + batchSize
                + (dropout > 0 ? " · dropout " + formatNumber(dropout) : "");
    }

    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        if (Math.abs(v) >= 1e-3) return String.valueOf((float) v);
        return String.format(java.util.Locale.ROOT, "%.0e", v);
    }

    public NetworkSpec withHiddenLayers(List<HiddenLayer> layers) {
        return new NetworkSpec(layers, optimizer, learningRate, momentum, batchSize, epochs, seed,
                dropout, l2, weightInit, initScale, normalization);
    }

    public NetworkSpec withLearningRate(double lr) {
        return new NetworkSpec(hiddenLayers, optimizer, lr, momentum, batchSize, epochs, seed,
                dropout, l2, weightInit, initScale, normalization);
    }

    public NetworkSpec withEpochs(int n) {
        return new NetworkSpec(hiddenLayers, optimizer, learningRate, momentum, batchSize, n, seed,
                dropout, l2, weightInit, initScale, normalization);
    }

    public NetworkSpec withOptimizer(OptimizerKind kind) {
        return new NetworkSpec(hiddenLayers, kind, learningRate, momentum, batchSize, epochs, seed,
                dropout, l2, weightInit, initScale, normalization);
    }

    public NetworkSpec withBatchSize(int batch) {
        return new NetworkSpec(hiddenLayers, optimizer, learningRate, momentum, batch, epochs, seed,
                dropout, l2, weightInit, initScale, normalization);
    }

    public NetworkSpec withDropout(double p) {
        return new NetworkSpec(hiddenLayers, optimizer, learningRate, momentum, batchSize, epochs, seed,
                p, l2, weightInit, initScale, normalization);
    }

    public NetworkSpec withSeed(long s) {
        return new NetworkSpec(hiddenLayers, optimizer, learningRate, momentum, batchSize, epochs, s,
                dropout, l2, weightInit, initScale, normalization);
    }

    public NetworkSpec withNormalization(Normalization n) {
        return new NetworkSpec(hiddenLayers, optimizer, learningRate, momentum, batchSize, epochs, seed,
                dropout, l2, weightInit, initScale, n);
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) throw new InvalidSpecException(field, problem);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    static void requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSpecException(field, value + " is outside " + min + "-" + max);
        }
    }

    private static void requireRange(String field, double value, double min, boolean minIncluded,
            double max) {
        if (!Double.isFinite(value)) {
            throw new InvalidSpecException(field, value + " is not a finite number");
        }
        boolean aboveMin = minIncluded ? value >= min : value > min;
        if (!aboveMin || value > max) {
            throw new InvalidSpecException(field, formatNumber(value) + " is outside "
                    + (minIncluded ? "[" : "(") + formatNumber(min) + ", " + formatNumber(max) + "]");
        }
    }
}
