package org.mnistlab.training;

/**
 * Receives a run's progress, on the training thread. Implementations return quickly: every
 * millisecond spent here is a millisecond the next batch waits.
 */
public interface TrainingListener {
    default void onBatch(BatchProgress progress) {}

    default void onEvaluation(EvaluationPoint point) {}

    default void onEpochEnd(EpochSummary summary) {}

    /**
     * The network after an epoch, for a face that wants to use it while training goes on (the
     * drawing pad, the gallery). Calling {@code copy.get()} clones the weights: the live network
     * must never be used from another thread, since DL4J networks are not thread-safe.
     */
    default void onEpochModel(java.util.function.Supplier<org.mnistlab.network.TrainedModel> copy) {}

    /** A learning-rate change requested during the run took effect before this many examples. */
    default void onLearningRateChanged(long examplesSeen, double learningRate) {}

    /**
     * Advice about a run that goes on, given once (today: the loss stopped falling, a sign of a
     * learning rate too high). The run is not stopped for it.
     */
    default void onHint(int epoch, int batch, String hint) {}

    TrainingListener NONE = new TrainingListener() {};

    /** Tells {@code first}, then {@code second}, of everything (a recorder beside a display). */
    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                first.onBatch(progress);
                second.onBatch(progress);
            }

            @Override
            public void onEvaluation(EvaluationPoint point) {
                first.onEvaluation(point);
                second.onEvaluation(point);
            }

            @Override
            public void onEpochEnd(EpochSummary summary) {
                first.onEpochEnd(summary);
                second.onEpochEnd(summary);
            }

            @Override
            public void onEpochModel(java.util.function.Supplier<org.mnistlab.network.TrainedModel> copy) {
                first.onEpochModel(copy);
                second.onEpochModel(copy);
            }

            @Override
            public void onLearningRateChanged(long examplesSeen, double learningRate) {
                first.onLearningRateChanged(examplesSeen, learningRate);
                second.onLearningRateChanged(examplesSeen, learningRate);
            }

            @Override
            public void onHint(int epoch, int batch, String hint) {
                first.onHint(epoch, batch, hint);
                second.onHint(epoch, batch, hint);
            }
        };
    }
}
