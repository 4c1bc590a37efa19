package org.mnistlab.training;

/**
 * The network measured on the test images during a run.
 *
 * @param endOfEpoch true at the end of an epoch; false for the optional mid-epoch checks
 */
public record EvaluationPoint(int epoch, int batch, long examplesSeen, double testLoss,
        double testAccuracy, boolean endOfEpoch) {}
