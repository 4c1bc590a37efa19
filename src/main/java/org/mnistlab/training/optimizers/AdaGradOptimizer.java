package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.AdaGrad;

/**
 * DL4J's {@code AdaGrad} (libnd4j's {@code ada_grad_updater}): the running sum of g², and the step
 * {@code lr·g/(√s + ε)}. DL4J starts the sum at ε, not 0, and so does this.
 */
public final class AdaGradOptimizer extends SlotOptimizer {
    private final float epsilon;

    public AdaGradOptimizer(AdaGrad config, int parameters) {
        super(config, parameters, 1, (float) config.getEpsilon());
        epsilon = (float) config.getEpsilon();
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] s = slot[0];
        float lr = learningRate;
        float eps = epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float si = s[i] + g * g;
            s[i] = si;
            params[i] -= lr * g / ((float) Math.sqrt(si) + eps);
        }
    }
}
