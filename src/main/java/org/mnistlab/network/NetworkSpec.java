package org.mnistlab.network;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.Normalization;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;
import org.nd4j.shade.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Everything that defines an experiment: the architecture of a 784-…-10 perceptron and how it is
 * trained. Always valid: the constructor rejects any value outside its range with an
 * {@link InvalidSpecException} that names the field. Build one by name with {@link #builder()} or
 * {@link #toBuilder()}; the positional constructor is there for the record, not for callers.
 *
 * <p>The output layer is fixed: 10 softmax units trained with cross-entropy, as in the notebooks.
 *
 * @param dropout probability of <em>dropping</em> a hidden unit's output during training
 *     (PyTorch's convention; DL4J's own parameter is the probability of keeping it)
 * @param validationImages training images held out, chosen by the seed, to measure the network
 *     on while it trains, as the notebooks' 55,000 / 5,000 split does; 0 for none
 * @param patience stop when the validation loss has not improved for this many epochs, and keep
 *     the best network rather than the last; 0 for never (needs validation images)
 * @param augmentation whether, and how strongly, training images are distorted on the fly
 * @param schedule how the learning rate moves during the run ({@link RateSchedule}); constant by default
 * @param warmup training steps (batches) over which the rate rises linearly from almost 0 to the
 *     schedule's, 0 for none; it must end before the run does
 */
@JsonDeserialize(builder = NetworkSpec.Builder.class)
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
        Normalization normalization,
        int validationImages,
        int patience,
        Augmentation augmentation,
        RateSchedule schedule,
        int warmup) {

    public static final int INPUTS = DigitSet.PIXELS;
    public static final int OUTPUTS = DigitSet.CLASSES;
    public static final int MAX_HIDDEN_LAYERS = 8;
    public static final double MAX_LEARNING_RATE = 100;
    public static final int MAX_BATCH = 60_000;
    public static final int MAX_EPOCHS = 1000;
    public static final int MAX_WARMUP = 1_000_000;

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
        require(augmentation != null, "augment", "missing");
        require(schedule != null, "schedule", "missing");
        requireRange("learning rate", learningRate, 0, false, MAX_LEARNING_RATE);
        requireRange("momentum", momentum, 0, true, 0.999);
        requireBetween("batch size", batchSize, 1, MAX_BATCH);
        requireBetween("epochs", epochs, 1, MAX_EPOCHS);
        requireRange("dropout", dropout, 0, true, 0.95);
        requireRange("L2", l2, 0, true, 1);
        requireRange("init scale", initScale, 0, false, 10);
        requireBetween("validation", validationImages, 0, MAX_BATCH - 1);
        requireBetween("patience", patience, 0, MAX_EPOCHS);
        requireBetween("warmup", warmup, 0, MAX_WARMUP);
        if (schedule.kind() == RateSchedule.Kind.COSINE && schedule.floor() >= learningRate) {
            throw new InvalidSpecException("schedule", "the cosine floor " + formatNumber(schedule.floor())
                    + " is not below the learning rate " + formatNumber(learningRate) + "; give a smaller floor");
        }
        if (patience > 0 && validationImages == 0) {
            throw new InvalidSpecException("patience", "needs a validation set to watch: hold out some "
                    + "training images for validation, or set patience to 0");
        }
    }

    /** Whether some training images are held out for validation. */
    public boolean validates() {
        return validationImages > 0;
    }

    /**
     * Training steps in one epoch when {@code givenImages} training images are given: the
     * validation images are held out of them, and the last batch may be smaller.
     */
    public int batchesPerEpoch(int givenImages) {
        int images = Math.max(1, givenImages - validationImages);
        return (images + batchSize - 1) / batchSize;
    }

    /** The DL4J learning-rate schedule of a run on {@code givenImages} training images; null for a plain rate. */
    public org.nd4j.linalg.schedule.ISchedule rateSchedule(int givenImages) {
        return schedule.dl4j(learningRate, warmup, batchesPerEpoch(givenImages), epochs);
    }

    /** The notebook network: 784-64-32-10 ReLU, SGD 0.05, batch 100, 5 epochs, He init. */
    public static NetworkSpec defaults() {
        return builder().build();
    }

    /** A builder holding {@link #defaults()}: set what differs, by name. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, for a copy that differs in a few settings. */
    public Builder toBuilder() {
        return builder().hiddenLayers(hiddenLayers).optimizer(optimizer).learningRate(learningRate)
                .momentum(momentum).batchSize(batchSize).epochs(epochs).seed(seed).dropout(dropout).l2(l2)
                .weightInit(weightInit).initScale(initScale).normalization(normalization)
                .validationImages(validationImages).patience(patience).augmentation(augmentation)
                .schedule(schedule).warmup(warmup);
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
                + " · " + optimizer + " lr " + formatNumber(learningRate)
                + (schedule.isConstant() ? "" : " " + schedule.text()) + (warmup > 0 ? " warm-up " + warmup : "")
                + " · batch " + batchSize
                + (dropout > 0 ? " · dropout " + formatNumber(dropout) : "")
                + (augmentation.distorts() ? " · " + Names.typed(augmentation) + " distortion" : "");
    }

    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        if (Math.abs(v) >= 1e-3) return String.valueOf((float) v);
        return String.format(java.util.Locale.ROOT, "%.0e", v);
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

    /**
     * Every digit of {@code value}: a value just outside a bound must not read as the bound
     * ("100.0000001 is outside (0, 100]", not "100.0 is outside").
     */
    static String asGiven(double value) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(value).stripTrailingZeros();
        return Math.abs(value) >= 1e-7 && Math.abs(value) < 1e9 || value == 0 ? exact.toPlainString() : exact.toString();
    }

    private static void requireRange(String field, double value, double min, boolean minIncluded,
            double max) {
        if (!Double.isFinite(value)) {
            throw new InvalidSpecException(field, value + " is not a finite number");
        }
        boolean aboveMin = minIncluded ? value >= min : value > min;
        if (!aboveMin || value > max) {
            throw new InvalidSpecException(field, asGiven(value) + " is outside "
                    + (minIncluded ? "[" : "(") + formatNumber(min) + ", " + formatNumber(max) + "]");
        }
    }

    /**
     * Names every value where it is set, as DL4J's {@code NeuralNetConfiguration.Builder} does. Each
     * field's initial value is that setting's default; {@link #build()} validates, in the record.
     * Jackson reads specs through it too, so a spec file that lacks a newer setting gets its default.
     */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private List<HiddenLayer> hiddenLayers =
                List.of(new HiddenLayer(64, ActivationKind.RELU), new HiddenLayer(32, ActivationKind.RELU));
        private OptimizerKind optimizer = OptimizerKind.SGD;
        private double learningRate = 0.05;
        private double momentum = 0.9;
        private int batchSize = 100;
        private int epochs = 5;
        private long seed = 1;
        private double dropout = 0;
        private double l2 = 0;
        private WeightInitKind weightInit = WeightInitKind.HE;
        private double initScale = 0.05;
        private Normalization normalization = Normalization.SCALE_01;
        private int validationImages = 0;
        private int patience = 0;
        private Augmentation augmentation = Augmentation.OFF;
        private RateSchedule schedule = RateSchedule.CONSTANT;
        private int warmup = 0;

        private Builder() {}

        public Builder hiddenLayers(List<HiddenLayer> value) { hiddenLayers = value; return this; }
        public Builder optimizer(OptimizerKind value) { optimizer = value; return this; }
        public Builder learningRate(double value) { learningRate = value; return this; }
        public Builder momentum(double value) { momentum = value; return this; }
        public Builder batchSize(int value) { batchSize = value; return this; }
        public Builder epochs(int value) { epochs = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder dropout(double value) { dropout = value; return this; }
        public Builder l2(double value) { l2 = value; return this; }
        public Builder weightInit(WeightInitKind value) { weightInit = value; return this; }
        public Builder initScale(double value) { initScale = value; return this; }
        public Builder normalization(Normalization value) { normalization = value; return this; }
        public Builder validationImages(int value) { validationImages = value; return this; }
        public Builder patience(int value) { patience = value; return this; }
        public Builder augmentation(Augmentation value) { augmentation = value; return this; }
        public Builder schedule(RateSchedule value) { schedule = value; return this; }
        public Builder warmup(int value) { warmup = value; return this; }

        /** The spec; an {@link InvalidSpecException} naming the first field out of range. */
        public NetworkSpec build() {
            return new NetworkSpec(hiddenLayers, optimizer, learningRate, momentum, batchSize, epochs, seed,
                    dropout, l2, weightInit, initScale, normalization, validationImages, patience, augmentation,
                    schedule, warmup);
        }
    }
}
