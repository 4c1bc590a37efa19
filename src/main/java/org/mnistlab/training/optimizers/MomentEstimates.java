package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The Adam family (Adam, AdaMax, Nadam): two slots of state, m (a decaying mean of the gradient,
 * weight β₁) and a second estimate (weight β₂), and an ε; each config states its own three.
 */
abstract class MomentEstimates extends SlotOptimizer {
    protected final float beta1;
    protected final float beta2;
    protected final float epsilon;

    MomentEstimates(IUpdater config, int parameters, double beta1, double beta2, double epsilon) {
        super(config, parameters, 2, 0);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
    }
}
