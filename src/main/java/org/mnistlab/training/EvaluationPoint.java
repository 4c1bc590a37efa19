package org.mnistlab.training;

/**
 * The network measured during a run: on the test images, and when the run holds some out, on the
 * validation images and on a fixed sample of the training images.
 *
 * @param endOfEpoch true at the end of an epoch; false for the optional mid-epoch checks
 * @param validationLoss NaN when the run holds no validation images
 * @param validationAccuracy NaN when the run holds no validation images
 * @param trainAccuracy on a fixed sample of the training images ({@link Trainer#TRAIN_ACCURACY_SAMPLE}),
 *     so that it stays cheap; NaN where it was not measured
 */
public record EvaluationPoint(int epoch, int batch, long examplesSeen, double testLoss,
        double testAccuracy, boolean endOfEpoch, double validationLoss, double validationAccuracy,
        double trainAccuracy) {

    /** A point measured on the test images only. */
    public EvaluationPoint(int epoch, int batch, long examplesSeen, double testLoss, double testAccuracy,
            boolean endOfEpoch) {
        this(epoch, batch, examplesSeen, testLoss, testAccuracy, endOfEpoch, Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
