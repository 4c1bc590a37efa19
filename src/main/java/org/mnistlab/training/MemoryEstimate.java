package org.mnistlab.training;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;

/**
 * Roughly how much memory a run takes, so that a network that cannot fit is refused with a
 * number before anything is allocated, instead of failing minutes later or taking the machine down.
 *
 * <p>Counts float32 arrays: the images as a matrix plus the shuffled copy each epoch trains on;
 * weights, gradients, optimiser state and the copy handed to the window after each epoch; and the
 * activations, their inputs and gradients for one batch (with dropout masks) and for one chunk of
 * the test-set check. DL4J's own overhead comes on top, so the estimate is a floor, not a ceiling.
 */
public record MemoryEstimate(long imageBytes, long weightBytes, long activationBytes) {
    private static final long FLOAT = Float.BYTES;
    /** Per unit and example during training: pre-activation, activation, gradient, one spare (mask or workspace). */
    private static final int TRAINING_COPIES = 4;

    public static MemoryEstimate of(NetworkSpec spec, int trainImages, int testImages) {
        long columns = NetworkSpec.INPUTS + NetworkSpec.OUTPUTS;
        long images = FLOAT * (2L * trainImages * columns + (long) testImages * NetworkSpec.INPUTS);
        long parameters = spec.parameterCount();
        long updaterState = spec.optimizer().updater(spec.learningRate(), spec.momentum()).stateSize(parameters);
        // Weights and gradients, optimiser state, and a full copy (weights and state) per epoch for the window.
        long weights = FLOAT * (2 * parameters + updaterState + parameters + updaterState);
        long units = 0;
        for (int width : spec.layerWidths()) units += width;
        long batch = Math.min(spec.batchSize(), Math.max(1, trainImages));
        long activations = FLOAT * units * (TRAINING_COPIES * batch + 2L * Math.min(Evaluator.CHUNK, testImages));
        return new MemoryEstimate(images, weights, activations);
    }

    public long totalBytes() {
        return imageBytes + weightBytes + activationBytes;
    }

    /**
     * Memory a run may still take: what the machine has free, and no more than JavaCPP's limit
     * on the process ({@code org.bytedeco.javacpp.maxPhysicalBytes}, by default four times the
     * Java heap limit) leaves beside what the process already uses.
     */
    public static long availableBytes() {
        long free = Pointer.availablePhysicalBytes();
        long limit = Pointer.maxPhysicalBytes();
        if (limit > 0) free = Math.min(free, limit - Pointer.physicalBytes());
        return Math.max(0, free);
    }

    /**
     * Whether a run of {@code spec} on this much data can start: its batch is no larger than the
     * training images, a warm-up ends before the run does, and it fits in {@code availableBytes}. The trainer and the designer ask this
     * same question, so a run the designer allows is one the trainer accepts.
     *
     * @throws InvalidSpecException naming the batch size, or {@link NotEnoughMemoryException}
     */
    public static void requireRunnable(NetworkSpec spec, int trainImages, int testImages, long availableBytes) {
        if (spec.validationImages() >= trainImages) {
            throw new InvalidSpecException("validation", String.format(Locale.ROOT,
                    "%,d images are not fewer than the %,d training images; hold out fewer", spec.validationImages(),
                    trainImages));
        }
        trainImages -= spec.validationImages(); // what is left to train on
        if (spec.batchSize() > trainImages) {
            throw new InvalidSpecException("batch size", String.format(Locale.ROOT,
                    "%,d is larger than the %,d training images", spec.batchSize(), trainImages));
        }
        long steps = (long) Trainer.batchesPerEpoch(trainImages, spec.batchSize()) * spec.epochs();
        if (spec.warmup() >= steps) {
            throw new InvalidSpecException("warmup", String.format(Locale.ROOT,
                    "%,d steps is not shorter than the run's %,d (%d %s of %,d batches); warm up for fewer",
                    spec.warmup(), steps, spec.epochs(), spec.epochs() == 1 ? "epoch" : "epochs",
                    Trainer.batchesPerEpoch(trainImages, spec.batchSize())));
        }
        of(spec, trainImages, testImages).requireAtMost(availableBytes, spec);
    }

    /**
     * @throws NotEnoughMemoryException blaming the batch size when activations are the larger
     *     part, else the layers
     */
    public void requireAtMost(long availableBytes, NetworkSpec spec) {
        if (totalBytes() <= availableBytes) return;
        boolean batchIsTheProblem = activationBytes >= weightBytes;
        throw new NotEnoughMemoryException(batchIsTheProblem ? "batch size" : "layers", String.format(Locale.ROOT,
                "this run would need about %s of memory but only about %s is free (activations for batches of "
                        + "%,d: %s; weights, gradients and optimizer state of %s: %s; images: %s). Try %s",
                gigabytes(totalBytes(), availableBytes), gigabytes(availableBytes, totalBytes()), spec.batchSize(), gigabytes(activationBytes),
                spec.architecture(), gigabytes(weightBytes), gigabytes(imageBytes),
                batchIsTheProblem ? "a smaller batch, or fewer or narrower layers." : "fewer or narrower layers."));
    }

    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /**
     * {@code bytes} with as many decimals as it takes to differ from {@code other} (up to three), so
     * "needs about 0.93 GB but only about 0.88 GB is free" never reads as the same number twice.
     */
    static String gigabytes(long bytes, long other) {
        for (int decimals = 1; decimals < 3; decimals++) {
            String format = "%." + decimals + "f";
            if (!String.format(Locale.ROOT, format, bytes / 1e9).equals(String.format(Locale.ROOT, format, other / 1e9))) {
                return String.format(Locale.ROOT, format + " GB", bytes / 1e9);
            }
        }
        return String.format(Locale.ROOT, "%.3f GB", bytes / 1e9);
    }
}
