package org.mnistlab.evaluation;

/**
 * How a network did on a set of images.
 *
 * @param loss mean cross-entropy (natural log), as PyTorch's {@code CrossEntropyLoss} reports it
 * @param confusion {@code confusion[actual][predicted]} counts
 * @param predictions the predicted digit of each image, in the set's order
 */
public record EvaluationReport(int count, double loss, double accuracy, double[] perClassAccuracy,
        int[][] confusion, int[] predictions) {}
