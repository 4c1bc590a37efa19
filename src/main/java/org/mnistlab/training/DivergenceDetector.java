package org.mnistlab.training;

import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.WeightInitKind;

/**
 * Decides when a run has diverged, and says so in words a student can act on.
 *
 * <p>A NaN or infinite loss is divergence. So is a loss that stays far above guessing: DL4J clips
 * softmax probabilities at 1e-10 before taking the log, so where PyTorch's loss would run off to
 * NaN, DL4J's stalls near 20 while the weights blow up. A network that guesses uniformly scores
 * ln 10 ≈ 2.3; staying above {@value #EXPLODED_LOSS} for {@value #PATIENCE} batches in a row
 * means the updates are making it confidently wrong. Fewer is not enough: at the PyTorch
 * notebook's too-high rate (SGD 0.9) the loss jumps above it for up to 7 batches in a row and
 * comes back down (seeds 1–8 measured), and the notebook lets that run go on thrashing, so the
 * lab does too. AdaGrad at rate 100, which never recovers, stays above it for 40 batches.
 *
 * <p>The advice about the rate is based on what was measured: the last rate this run trained at
 * without blowing up, when the rate was changed during the run, else a tenth of the rate that
 * blew up.
 */
final class DivergenceDetector {
    static final double EXPLODED_LOSS = 9.0;
    static final int PATIENCE = 15;
    /** Larger initial weights than this (uniform init) make a network's first outputs explode by themselves. */
    static final double LARGE_INIT_SCALE = 0.5;
    /** An L2 penalty this strong dominates the loss and its gradient. */
    static final double LARGE_L2 = 0.1;
    private final NetworkSpec spec;
    private int batchesAbove;
    private double currentRate = Double.NaN;
    private double lastSafeRate = Double.NaN;

    /** For a run of {@code spec}: its settings decide which likely cause the advice names. */
    DivergenceDetector(NetworkSpec spec) {
        this.spec = spec;
    }

    DivergenceDetector() {
        this(NetworkSpec.defaults());
    }

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
        return "The loss " + what + " at epoch " + epoch + ", batch " + batch + aside + ": " + likelyCause(learningRate);
    }

    /** The rate to suggest after {@code learningRate} blew up: one that was measured, or a tenth of it. */
    double suggestedRate(double learningRate) {
        return !Double.isNaN(lastSafeRate) && lastSafeRate < learningRate ? lastSafeRate : learningRate / 10;
    }

    private String likelyCause(double learningRate) {
        if (spec.weightInit() == WeightInitKind.UNIFORM && spec.initScale() > LARGE_INIT_SCALE) {
            return "the initial weights are too large (init scale " + NetworkSpec.formatNumber(spec.initScale())
                    + "). Try an init scale of 0.05 or below, or He initialisation.";
        }
        if (spec.l2() >= LARGE_L2) {
            return "the L2 penalty is too strong (" + NetworkSpec.formatNumber(spec.l2())
                    + "). Try 0.0001, or 0 for none.";
        }
        return "the steps are so large that the weights blew up. " + rateAdvice(learningRate);
    }

    private String rateAdvice(double learningRate) {
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
