package org.mnistlab.training;

/**
 * Notices a run that thrashes: no NaN, nothing blew up, but the loss has stopped falling, as the
 * PyTorch notebook's SGD 0.9 does. The run goes on (it may recover, and a student should see it
 * thrash); the detector only gives a hint, once.
 *
 * <p>Batch losses are noisy, so it follows their exponential moving average over about
 * {@value #SMOOTHING_BATCHES} batches. It speaks when, for a whole epoch of batches, that average
 * has not improved on its best by {@value #IMPROVEMENT} (relative) and stays either more than
 * {@value #FAR_ABOVE} times its best, or above {@value #POOR_LOSS}: a network that loses more
 * than that has far to go (about 70 % right), so a plateau there is not a network at its limit
 * but one stuck, often at the guess of 2.3 after its ReLUs have died.
 */
final class StalledLossDetector {
    static final String HINT = "the loss stopped falling: the learning rate may be too high";
    static final int SMOOTHING_BATCHES = 50;
    static final double FAR_ABOVE = 1.25;
    static final double POOR_LOSS = 1.0;
    static final double IMPROVEMENT = 0.01;
    private final int batchesPerEpoch;
    private double smoothed = Double.NaN;
    private double best = Double.POSITIVE_INFINITY;
    private int batchesWithoutImprovement;
    private boolean hinted;

    StalledLossDetector(int batchesPerEpoch) {
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /** @return the hint the first time the loss has stalled badly for an epoch, else null */
    String check(double loss) {
        if (hinted || !Double.isFinite(loss)) return null;
        smoothed = Double.isNaN(smoothed) ? loss : smoothed + (loss - smoothed) / SMOOTHING_BATCHES;
        if (smoothed < (1 - IMPROVEMENT) * best) {
            best = smoothed;
            batchesWithoutImprovement = 0;
            return null;
        }
        batchesWithoutImprovement++;
        boolean badly = smoothed > FAR_ABOVE * best || smoothed > POOR_LOSS;
        if (batchesWithoutImprovement < batchesPerEpoch || !badly) return null;
        hinted = true;
        return HINT;
    }
}
