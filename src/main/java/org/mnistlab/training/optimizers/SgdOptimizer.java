package org.mnistlab.training.optimizers;

import org.nd4j.linalg.learning.config.Sgd;

/**
 * Plain SGD, {@code p -= lr·g}, with no state. The fast path itself folds this update into the
 * gradient's matrix product ({@link #learningRate()} is the factor), which saves writing and
 * re-reading the gradient; {@link #update} is the same rule, for anyone holding the gradient.
 */
public final class SgdOptimizer extends SlotOptimizer {
    public SgdOptimizer(Sgd config, int parameters) {
        super(config, parameters, 0, 0);
    }

    /** The learning rate of the step prepared last. */
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void update(float[] params, float[] gradient, int from, int to) {
        float lr = learningRate;
        for (int i = from; i < to; i++) params[i] -= lr * gradient[i];
    }
}
