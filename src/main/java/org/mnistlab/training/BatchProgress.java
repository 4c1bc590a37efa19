package org.mnistlab.training;

/**
 * Reported after every training batch.
 *
 * @param epoch 1-based
 * @param batch 1-based within the epoch
 * @param examplesSeen training images processed so far in the whole run (the x axis of the plots)
 * @param loss this batch's training loss (cross-entropy, plus the L2 penalty when L2 is on)
 * @param samplesPerSecond training throughput so far in this epoch (evaluation time excluded)
 */
public record BatchProgress(int epoch, int batch, int batchesPerEpoch, long examplesSeen,
        double loss, double samplesPerSecond, double learningRate) {}
