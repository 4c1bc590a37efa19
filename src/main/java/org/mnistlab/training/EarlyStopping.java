package org.mnistlab.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early stopping on the validation loss, as DL4J's {@code EarlyStoppingTrainer} does it with a
 * {@code ScoreImprovementEpochTerminationCondition} and an in-memory model saver: after each
 * epoch, a lower validation loss than any before makes this epoch the best and keeps a copy of
 * its weights; {@code patience} epochs in a row without one end the run. At the end the best
 * weights go back into the network, so the drawing pad and Save model get the best network, not
 * the last.
 *
 * <p>DL4J's own trainer drives {@code fit} itself, so it cannot wrap the lab's trainer (the fast
 * path, pause, the listeners); this is its rule, applied between the lab's epochs.
 */
final class EarlyStopping implements AutoCloseable {
    private final int patience;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochsWithoutImprovement;
    private INDArray bestParams;

    /** @param patience epochs without a better validation loss before stopping; 0 never stops */
    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** @return true when the run should stop after this epoch */
    boolean afterEpoch(int epoch, double validationLoss, MultiLayerNetwork network) {
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            if (bestParams == null) bestParams = network.params().dup();
            else bestParams.assign(network.params());
            return false;
        }
        epochsWithoutImprovement++;
        return patience > 0 && epochsWithoutImprovement >= patience;
    }

    /** The epoch with the lowest validation loss so far, or 0 before the first. */
    int bestEpoch() {
        return bestEpoch;
    }

    double bestLoss() {
        return bestLoss;
    }

    /** Puts the best epoch's weights back, in place (the fast path works on the same array). */
    void restoreBest(MultiLayerNetwork network) {
        if (bestParams != null) network.params().assign(bestParams);
    }

    @Override
    public void close() {
        if (bestParams != null) bestParams.close();
    }
}
