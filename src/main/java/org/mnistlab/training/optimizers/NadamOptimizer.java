package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.Nadam;

/**
 * DL4J's {@code Nadam} (libnd4j's {@code nadam_updater}): Adam's moments with Nesterov's look-ahead
 * on m, {@code lr·(β₁·m + (1 − β₁)·g)/(1 − β₁ᵗ)/(√v + ε)}; as in DL4J, v has no bias correction.
 */
public final class NadamOptimizer extends MomentEstimates {
    private float correction;

    public NadamOptimizer(Nadam config, int parameters) {
        super(config, parameters, config.getBeta1(), config.getBeta2(), config.getEpsilon());
    }

    @Override
    public void prepare(int iteration, int epoch) {
        super.prepare(iteration, epoch);
        correction = (float) (1 - Math.pow(beta1, iteration + 1));
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] m = slot[0];
        float[] v = slot[1];
        float b1 = beta1;
        float b2 = beta2;
        float lr = learningRate;
        float c = correction;
        float eps = epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float fresh = g * (1 - b1);
            float mi = b1 * m[i] + fresh;
            float vi = b2 * v[i] + g * g * (1 - b2);
            m[i] = mi;
            v[i] = vi;
            params[i] -= lr * ((mi * b1 + fresh) / c) / ((float) Math.sqrt(vi) + eps);
        }
    }
}
