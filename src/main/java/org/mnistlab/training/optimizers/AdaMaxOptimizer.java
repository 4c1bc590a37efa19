package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.AdaMax;

/**
 * DL4J's {@code AdaMax} (libnd4j's {@code ada_max_updater}): the moment m and the infinity norm
 * {@code u = max(β₂·u, |g|)}; the step is {@code m·lr/(1 − β₁ᵗ)/u}. As libnd4j, u gets 1e-32 added
 * instead of ε, and ε stands in for the step size only when that is not a finite non-zero number.
 */
public final class AdaMaxOptimizer extends MomentEstimates {
    private float step;

    public AdaMaxOptimizer(AdaMax config, int parameters) {
        super(config, parameters, config.getBeta1(), config.getBeta2(), config.getEpsilon());
    }

    @Override
    public void prepare(int iteration, int epoch) {
        super.prepare(iteration, epoch);
        step = (float) (learningRate / (1 - Math.pow(beta1, iteration + 1)));
        if (!Float.isFinite(step) || step == 0) step = epsilon;
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] m = slot[0];
        float[] u = slot[1];
        float b1 = beta1;
        float b2 = beta2;
        float s = step;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float mi = b1 * m[i] + g * (1 - b1);
            float ui = Math.max(b2 * u[i], Math.abs(g)) + 1e-32f;
            m[i] = mi;
            u[i] = ui;
            params[i] -= mi * s / ui;
        }
    }
}
