package org.mnistlab.training;

/** One finished epoch, as the CLI prints it. */
public record EpochSummary(int epoch, double trainLoss, double testLoss, double testAccuracy,
        double samplesPerSecond) {}
