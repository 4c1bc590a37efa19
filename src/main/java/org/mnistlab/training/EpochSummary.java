package org.mnistlab.training;

/**
 * One finished epoch, as the CLI prints it.
 *
 * @param validationLoss NaN when the run holds no validation images
 * @param validationAccuracy NaN when the run holds no validation images
 * @param trainAccuracy on a fixed sample of the training images
 */
public record EpochSummary(int epoch, double trainLoss, double testLoss, double testAccuracy,
        double samplesPerSecond, double validationLoss, double validationAccuracy, double trainAccuracy) {

    /** An epoch measured on the test images only. */
    public EpochSummary(int epoch, double trainLoss, double testLoss, double testAccuracy, double samplesPerSecond) {
        this(epoch, trainLoss, testLoss, testAccuracy, samplesPerSecond, Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
