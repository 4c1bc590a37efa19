package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.RmsProp;

/**
 * DL4J's {@code RmsProp} (libnd4j's {@code rms_prop_updater}): a decaying mean of g², and the step
 * {@code lr·g/(√s + ε)}. DL4J starts the mean at ε, not 0, and so does this.
 */
public final class RmsPropOptimizer extends SlotOptimizer {
    private final float decay;
    private final float epsilon;

    public RmsPropOptimizer(RmsProp config, int parameters) {
        super(config, parameters, 1, (float) config.getEpsilon());
        decay = (float) config.getRmsDecay();
        epsilon = (float) config.getEpsilon();
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] s = slot[0];
        float d = decay;
        float lr = learningRate;
        float eps = epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float si = s[i] * d + g * g * (1 - d);
            s[i] = si;
            params[i] -= lr * g / ((float) Math.sqrt(si) + eps);
        }
    }
}
