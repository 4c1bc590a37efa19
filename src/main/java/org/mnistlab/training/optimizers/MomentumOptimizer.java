package org.mnistlab.training.optimizers;

import org.mnistlab.network.SgdMomentum;

/** Classic momentum as PyTorch's {@code SGD(momentum=μ)}: {@code v = μ·v + g}, {@code p -= lr·v}. */
public final class MomentumOptimizer extends SlotOptimizer {
    private final SgdMomentum config;

    public MomentumOptimizer(SgdMomentum config, int parameters) {
        super(config, parameters, 1, 0);
        this.config = config;
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] v = slot[0];
        float mu = (float) config.getMomentum();
        float lr = learningRate;
        for (int i = from; i < to; i++) {
            float vi = mu * v[i] + gradient[i];
            v[i] = vi;
            params[i] -= lr * vi;
        }
    }
}
