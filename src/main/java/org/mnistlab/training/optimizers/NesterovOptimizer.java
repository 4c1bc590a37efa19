package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * DL4J's {@code Nesterovs} (cs231n's form, libnd4j's {@code nesterovs_updater}):
 * {@code v' = μ·v − lr·g}, and the parameters move by {@code −(μ·v − (1 + μ)·v')}.
 */
public final class NesterovOptimizer extends SlotOptimizer {
    private final Nesterovs config;
    private float momentum;

    public NesterovOptimizer(Nesterovs config, int parameters) {
        super(config, parameters, 1, 0);
        this.config = config;
    }

    @Override
    public void prepare(int iteration, int epoch) {
        super.prepare(iteration, epoch);
        momentum = (float) config.currentMomentum(iteration, epoch);
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] v = slot[0];
        float mu = momentum;
        float lr = learningRate;
        for (int i = from; i < to; i++) {
            float previous = mu * v[i];
            float vi = previous - lr * gradient[i];
            v[i] = vi;
            params[i] -= previous - (mu + 1) * vi;
        }
    }
}
