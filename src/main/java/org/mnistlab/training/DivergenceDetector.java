package org.mnistlab.training;

import org.mnistlab.network.NetworkSpec;

/**
 * Decides when a run has diverged, and says so in words a student can act on.
 *
 * <p>A NaN or infinite loss is divergence. So is a loss that stays far above guessing: DL4J clips
 * softmax probabilities at 1e-10 before taking the log, so where PyTorch's loss would run off to
 * NaN, DL4J's stalls near 20 while the weights blow up. A network that guesses uniformly scores
 * ln 10 ≈ 2.3; staying above {@value #EXPLODED_LOSS} for {@value #PATIENCE} batches in a row
 * means the updates are making it confidently wrong.
 */
final class DivergenceDetector {
    static final double EXPLODED_LOSS = 9.0;
    static final int PATIENCE = 3;
    private int batchesAbove;

    /** @return null while the run is healthy, else the explanation to show */
    String check(double loss, int epoch, int batch, double learningRate) {
        String what;
        String aside = "";
        if (Double.isNaN(loss)) {
            what = "became NaN";
        } else if (Double.isInfinite(loss)) {
            what = "became infinite";
        } else {
            batchesAbove = loss > EXPLODED_LOSS ? batchesAbove + 1 : 0;
            if (batchesAbove < PATIENCE) return null;
            what = String.format(java.util.Locale.ROOT, "exploded to %.1f", loss);
            aside = " (a network that only guesses scores 2.3)";
        }
        return "The loss " + what + " at epoch " + epoch + ", batch " + batch + aside
                + ": the steps are so large that the weights blew up. Try a learning rate below "
                + NetworkSpec.formatNumber(learningRate / 10) + " (it was "
                + NetworkSpec.formatNumber(learningRate) + ").";
    }
}
