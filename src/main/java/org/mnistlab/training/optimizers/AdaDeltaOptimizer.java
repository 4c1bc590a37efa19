package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.AdaDelta;

/**
 * DL4J's {@code AdaDelta} (libnd4j's {@code ada_delta_updater}): decaying means of g² (msg) and of
 * the steps² (msdx); the step is {@code g·√(msdx + ε)/√(msg + ε)}. No learning rate.
 */
public final class AdaDeltaOptimizer extends SlotOptimizer {
    private final float rho;
    private final float epsilon;

    public AdaDeltaOptimizer(AdaDelta config, int parameters) {
        super(config, parameters, 2, 0);
        rho = (float) config.getRho();
        epsilon = (float) config.getEpsilon();
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float[] msg = slot[0];
        float[] msdx = slot[1];
        float r = rho;
        float eps = epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float msgi = r * msg[i] + g * g * (1 - r);
            float dx = g * ((float) Math.sqrt(msdx[i] + eps) / (float) Math.sqrt(msgi + eps));
            msg[i] = msgi;
            msdx[i] = r * msdx[i] + dx * dx * (1 - r);
            params[i] -= dx;
        }
    }
}
