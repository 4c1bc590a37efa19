package org.mnistlab.training.optimizers;

import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.SgdMomentum;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The fast path's optimiser for each {@link OptimizerKind}. */
public final class Optimizers {
    private Optimizers() {}

    /**
     * @param config the DL4J updater config the network was built with ({@link OptimizerKind#updater});
     *     the optimiser keeps reading its learning rate from it, so DL4J's own
     *     {@code setLearningRate} and schedules reach it
     */
    public static Optimizer create(OptimizerKind kind, IUpdater config, int parameters) {
        return switch (kind) {
            case SGD -> new SgdOptimizer((Sgd) config, parameters);
            case MOMENTUM -> new MomentumOptimizer((SgdMomentum) config, parameters);
            case NESTEROV -> new NesterovOptimizer((Nesterovs) config, parameters);
            case ADAM -> new AdamOptimizer((Adam) config, parameters);
            case RMSPROP -> new RmsPropOptimizer((RmsProp) config, parameters);
            case ADAGRAD -> new AdaGradOptimizer((AdaGrad) config, parameters);
            case ADADELTA -> new AdaDeltaOptimizer((AdaDelta) config, parameters);
            case ADAMAX -> new AdaMaxOptimizer((AdaMax) config, parameters);
            case NADAM -> new NadamOptimizer((Nadam) config, parameters);
        };
    }
}
