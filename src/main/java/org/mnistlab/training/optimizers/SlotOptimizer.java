package org.mnistlab.training.optimizers;

import java.util.Arrays;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What every optimiser shares: state as {@code slots} arrays of one value per parameter (DL4J's
 * layout, slot after slot), and the learning rate of the current step taken from the DL4J config,
 * schedule included.
 */
abstract class SlotOptimizer implements Optimizer {
    private final IUpdater config;
    private final float initialValue;
    /** slot[k][i]: state k of parameter i (Adam: the moments m and v). */
    protected final float[][] slot;
    /** The learning rate of the step being taken, in float as libnd4j's kernels use it. */
    protected float learningRate;

    /**
     * @param initialValue what DL4J's updater fills its state with when it is created (0, or
     *     ε for AdaGrad and RMSProp)
     */
    SlotOptimizer(IUpdater config, int parameters, int slots, float initialValue) {
        this.config = config;
        this.initialValue = initialValue;
        this.slot = new float[slots][parameters];
        reset();
    }

    @Override
    public final int statesPerParameter() {
        return slot.length;
    }

    @Override
    public final void start(float[] dl4jState) {
        int n = parameters();
        if (dl4jState.length != slot.length * n) {
            throw new IllegalArgumentException("updater state of " + dl4jState.length + " values for "
                    + slot.length + " × " + n);
        }
        for (int k = 0; k < slot.length; k++) System.arraycopy(dl4jState, k * n, slot[k], 0, n);
    }

    @Override
    public void prepare(int iteration, int epoch) {
        learningRate = config.hasLearningRate() ? (float) config.getLearningRate(iteration, epoch) : Float.NaN;
    }

    @Override
    public final void saveState(float[] dl4jState) {
        int n = parameters();
        for (int k = 0; k < slot.length; k++) System.arraycopy(slot[k], 0, dl4jState, k * n, n);
    }

    @Override
    public final void reset() {
        for (float[] s : slot) Arrays.fill(s, initialValue);
    }

    private int parameters() {
        return slot.length == 0 ? 0 : slot[0].length;
    }
}
