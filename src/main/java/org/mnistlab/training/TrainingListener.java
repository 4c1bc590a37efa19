package org.mnistlab.training;

/**
 * Receives a run's progress, on the training thread. Implementations return quickly: every
 * millisecond spent here is a millisecond the next batch waits.
 */
public interface TrainingListener {
    default void onBatch(BatchProgress progress) {}

    default void onEvaluation(EvaluationPoint point) {}

    default void onEpochEnd(EpochSummary summary) {}

    /** A learning-rate change requested during the run took effect before this many examples. */
    default void onLearningRateChanged(long examplesSeen, double learningRate) {}

    TrainingListener NONE = new TrainingListener() {};
}
