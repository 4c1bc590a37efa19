package org.mnistlab.training;

import org.mnistlab.network.NetworkSpec;

/**
 * Decides when a run has diverged, and says so in words a student can act on.
 *
 * <p>A NaN or infinite loss is divergence. So is a loss that stays far above guessing: DL4J clips
 * softmax probabilities at 1e-10 before taking the log, so where PyTorch's loss would run off to
 * NaN, DL4J's stalls near 20 while the weights blow up. A network that guesses uniformly scores
 * ln 10 ≈ 2.3; staying above {@value #EXPLODED_LOSS} for {@value #PATIENCE} batches in a row
 * means the updates are making it confidently wrong. Fewer is not enough: at the PyTorch
 * notebook's too-high rate (SGD 0.9) the loss touches the clip for a dozen batches and comes back
 * down, and the notebook lets that run go on thrashing, so the lab does too.
 *
 * <p>The advice is based on what was measured: the last rate this run trained at without blowing
 * up, when the rate was changed during the run, else a tenth of the rate that blew up.
 */
final class DivergenceDetector {
    static final double EXPLODED_LOSS = 9.0;
    static final int PATIENCE = 50;
    private int batchesAbove;
    private double currentRate = Double.NaN;
    private double lastSafeRate = Double.NaN;

    /** @return null while the run is healthy, else the explanation to show */
    String check(double loss, int epoch, int batch, double learningRate) {
        if (learningRate != currentRate) {
            // The rate in use until now trained without blowing up, or the run would have stopped.
            if (!Double.isNaN(currentRate) && batchesAbove == 0) lastSafeRate = currentRate;
            currentRate = learningRate;
        }
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
                + ": the steps are so large that the weights blew up. " + advice(learningRate);
    }

    /** The rate to suggest after {@code learningRate} blew up: one that was measured, or a tenth of it. */
    double suggestedRate(double learningRate) {
        return !Double.isNaN(lastSafeRate) && lastSafeRate < learningRate ? lastSafeRate : learningRate / 10;
    }

    private String advice(double learningRate) {
        String rate = NetworkSpec.formatNumber(learningRate);
        double suggested = suggestedRate(learningRate);
        if (suggested == lastSafeRate) {
            return "Earlier in this run it trained at " + NetworkSpec.formatNumber(suggested)
                    + " without blowing up: you could go back to that rate (it was " + rate + ").";
        }
        return "You could try " + NetworkSpec.formatNumber(suggested) + ", a tenth of the rate that blew up ("
                + rate + ").";
    }
}
