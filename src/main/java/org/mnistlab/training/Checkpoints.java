package org.mnistlab.training;

import java.util.function.Supplier;

/**
 * The last good checkpoint of a run, kept in memory so that a run that diverges can go on from
 * before the blow-up at a lower rate.
 *
 * <p>Bounded: at most two copies of the parameters and the optimiser state (for 784-128-10 with
 * Adam, 2 × 3 × 101,770 floats, 2.4 MB). One is taken every {@code everyBatches} batches while the
 * loss is healthy; it only counts as good once the run has trained {@link DivergenceDetector#PATIENCE}
 * more batches after it without diverging, since the weights may already be running away while the
 * loss still looks fine (the detector waits that long for a loss stuck above guessing). Until then
 * the previous good one stays. The run's start is good from the outset: nothing was trained yet.
 */
final class Checkpoints {
    /** Often enough to lose little (about a tenth of an epoch at batch 20), rarely enough to cost nothing. */
    static final int DEFAULT_EVERY_BATCHES = 250;
    private final int everyBatches;
    private Checkpoint good;
    private Checkpoint candidate;

    Checkpoints(int everyBatches) {
        if (everyBatches < 1) throw new IllegalArgumentException("everyBatches must be >= 1");
        this.everyBatches = everyBatches;
    }

    /** The run's starting point (step 0, or where a resumed run starts): good as it stands. */
    void start(Checkpoint first) {
        good = first;
        candidate = null;
    }

    /**
     * After a batch that did not diverge: confirms a candidate old enough, and takes a new one
     * when one is due and the loss is healthy.
     *
     * @param step batches trained so far
     */
    void afterBatch(int step, double loss, Supplier<Checkpoint> take) {
        if (candidate != null && step - candidate.step() >= DivergenceDetector.PATIENCE) {
            good = candidate;
            candidate = null;
        }
        boolean healthy = Double.isFinite(loss) && loss <= DivergenceDetector.EXPLODED_LOSS;
        if (step % everyBatches == 0 && healthy && candidate == null) candidate = take.get();
    }

    /** The newest checkpoint known to be good, or null before the run started. */
    Checkpoint lastGood() {
        return good;
    }
}
