package org.mnistlab.evaluation;

/**
 * How a network did on a set of images.
 *
 * @param loss mean cross-entropy (natural log), as PyTorch's {@code CrossEntropyLoss} reports it
 * @param perClassAccuracy per true digit, the share of its images read right: the digit's
 *     <em>recall</em> (NaN for a digit with no images)
 * @param perClassPrecision per predicted digit, the share of its answers that were right
 *     (NaN for a digit the network never answered)
 * @param confusion {@code confusion[actual][predicted]} counts
 * @param predictions the predicted digit of each image, in the set's order
 * @param labels the true digit of each image, in the set's order
 * @param probabilities the 10 class probabilities of each image, in the set's order
 */
public record EvaluationReport(int count, double loss, double accuracy, double[] perClassAccuracy,
        double[] perClassPrecision, int[][] confusion, int[] predictions, byte[] labels,
        float[][] probabilities) {

    /** The same numbers as {@link #perClassAccuracy}, under the name a confusion-matrix reader looks for. */
    public double[] perClassRecall() {
        return perClassAccuracy;
    }
}
