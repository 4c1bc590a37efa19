package org.mnistlab.network;

import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/** Optimisers, each DL4J's own updater, except classic momentum, which DL4J lacks ({@link SgdMomentum}). */
public enum OptimizerKind {
    SGD("SGD"),
    /** SGD with classic momentum, as PyTorch's {@code SGD(momentum=…)}; {@link NetworkSpec#momentum()} sets it. */
    MOMENTUM("SGD + momentum"),
    /** SGD with Nesterov momentum; {@link NetworkSpec#momentum()} sets the momentum. */
    NESTEROV("SGD + Nesterov momentum"),
    ADAM("Adam"),
    RMSPROP("RMSProp"),
    ADAGRAD("AdaGrad"),
    /** AdaDelta adapts its own step size; the learning rate is not used. */
    ADADELTA("AdaDelta"),
    ADAMAX("AdaMax"),
    NADAM("Nadam");

    private final String label;

    OptimizerKind(String label) {
        this.label = label;
    }

    public IUpdater updater(double learningRate, double momentum) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case MOMENTUM -> new SgdMomentum(learningRate, momentum);
            case NESTEROV -> new Nesterovs(learningRate, momentum);
            case ADAM -> new Adam(learningRate);
            case RMSPROP -> new RmsProp(learningRate);
            case ADAGRAD -> new AdaGrad(learningRate);
            case ADADELTA -> new AdaDelta();
            case ADAMAX -> new AdaMax(learningRate);
            case NADAM -> new Nadam(learningRate);
        };
    }

    /** The updater with a learning-rate schedule; a null schedule means the plain {@code learningRate}. */
    public IUpdater updater(ISchedule schedule, double learningRate, double momentum) {
        if (schedule == null) return updater(learningRate, momentum);
        return switch (this) {
            case SGD -> new Sgd(schedule);
            case MOMENTUM -> new SgdMomentum(schedule, momentum);
            case NESTEROV -> new Nesterovs(schedule, momentum);
            case ADAM -> new Adam(schedule);
            case RMSPROP -> new RmsProp(schedule);
            case ADAGRAD -> new AdaGrad(schedule);
            case ADADELTA -> new AdaDelta(); // it sets its own step size: no rate to schedule
            case ADAMAX -> new AdaMax(schedule);
            case NADAM -> new Nadam(schedule);
        };
    }

    /** Whether {@link NetworkSpec#momentum()} means anything for this optimiser. */
    public boolean usesMomentum() {
        return this == MOMENTUM || this == NESTEROV;
    }

    public boolean usesLearningRate() {
        return this != ADADELTA;
    }

    public static OptimizerKind parse(String text) {
        return Names.parse(OptimizerKind.class, "optimizer", text);
    }

    @Override
    public String toString() {
        return label;
    }
}
