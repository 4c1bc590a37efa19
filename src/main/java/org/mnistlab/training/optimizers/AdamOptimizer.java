package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's {@code Adam} (libnd4j's {@code adam_updater}): the moments m and v, with both bias
 * corrections folded into one step size, {@code lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)}, and ε added to √v.
 */
public final class AdamOptimizer extends MomentEstimates {
    private float step;

    public AdamOptimizer(Adam config, int parameters) {
        super(config, parameters, config.getBeta1(), config.getBeta2(), config.getEpsilon());
    }

    @Override
    public void prepare(int iteration, int epoch) {
        super.prepare(iteration, epoch);
        int t = iteration + 1;
        step = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        if (!Float.isFinite(step) || step == 0) step = epsilon; // libnd4j's own guard
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] m = slot[0];
        float[] v = slot[1];
        float b1 = beta1;
        float b2 = beta2;
        float s = step;
        float eps = epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float mi = b1 * m[i] + g * (1 - b1);
            float vi = b2 * v[i] + g * g * (1 - b2);
            m[i] = mi;
            v[i] = vi;
            params[i] -= mi * s / ((float) Math.sqrt(vi) + eps);
        }
    }
}
