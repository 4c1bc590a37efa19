package org.mnistlab.network;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with classic (heavy-ball) momentum as PyTorch's {@code SGD(momentum=μ)} does it: the velocity
 * sums the gradients, {@code v = μ·v + g}, and the step is {@code lr·v}.
 *
 * <p>DL4J has Nesterov's momentum but no classic momentum, so this is the one update rule the lab
 * writes for DL4J itself; it follows the shape of DL4J's own updaters (a config that states its
 * state size and makes a {@link GradientUpdater} over a view of the network's updater state), so
 * DL4J's {@code fit}, its model files and the fast path all see the same state. Jackson writes it
 * into the network's configuration through its getters, like DL4J's own configs.
 */
public final class SgdMomentum implements IUpdater {
    private double learningRate;
    private ISchedule learningRateSchedule;
    private double momentum;

    /** For Jackson, when a model file is read. */
    public SgdMomentum() {
        this(0.01, 0.9);
    }

    public SgdMomentum(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    public SgdMomentum(ISchedule learningRateSchedule, double momentum) {
        this(Double.NaN, momentum);
        this.learningRateSchedule = learningRateSchedule;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public void setLearningRateSchedule(ISchedule schedule) {
        this.learningRateSchedule = schedule;
    }

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    @Override
    public long stateSize(long parameters) {
        return parameters; // the velocity
    }

    @Override
    public GradientUpdater<SgdMomentum> instantiate(INDArray view, boolean initialize) {
        Updater updater = new Updater(this);
        updater.setStateViewArray(view, view.shape(), view.ordering(), initialize);
        return updater;
    }

    @Override
    public GradientUpdater<SgdMomentum> instantiate(Map<String, INDArray> state, boolean initialize) {
        Updater updater = new Updater(this);
        updater.setState(state, initialize);
        return updater;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double rate, ISchedule schedule) {
        this.learningRate = rate;
        this.learningRateSchedule = schedule;
    }

    @Override
    public SgdMomentum clone() {
        SgdMomentum copy = new SgdMomentum(learningRate, momentum);
        copy.learningRateSchedule = learningRateSchedule == null ? null : learningRateSchedule.clone();
        return copy;
    }

    /** DL4J merges layers into one updater block when their configs are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SgdMomentum o && Double.compare(o.learningRate, learningRate) == 0
                && Double.compare(o.momentum, momentum) == 0
                && Objects.equals(o.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "SgdMomentum(lr=" + learningRate + ", momentum=" + momentum + ")";
    }

    /** The update over one block of parameters; its state is the velocity, one value per parameter. */
    private static final class Updater implements GradientUpdater<SgdMomentum> {
        private static final String VELOCITY = "V";
        private final SgdMomentum config;
        private INDArray velocity;

        Updater(SgdMomentum config) {
            this.config = config;
        }

        @Override
        public SgdMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            INDArray v = state.get(VELOCITY);
            if (v == null) throw new IllegalStateException("momentum state needs its velocity, key " + VELOCITY);
            setStateViewArray(v, v.shape(), v.ordering(), initialize);
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(VELOCITY, velocity);
        }

        @Override
        public void setStateViewArray(INDArray view, long[] gradientShape, char order, boolean initialize) {
            if (initialize) view.assign(0);
            velocity = Shape.newShapeNoCopy(view, gradientShape, order == 'f'); // a view, as DL4J's Nesterovs keeps
            if (velocity == null) throw new IllegalStateException("could not view the momentum state as the gradient");
        }

        /** Turns {@code gradient} into the step DL4J subtracts from the parameters: lr · v. */
        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            velocity.muli(config.momentum).addi(gradient);
            gradient.assign(velocity).muli(config.getLearningRate(iteration, epoch));
        }
    }
}
