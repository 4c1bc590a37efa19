package org.mnistlab.training;

import org.mnistlab.network.TrainedModel;

/**
 * How a run ended, with the network as it was then (usable even after Stop), or, with early
 * stopping, as it was at its best epoch.
 *
 * @param message for the user: empty when completed, the explanation when diverged, stopped or
 *     stopped early
 * @param lastEvaluation the measurement of {@code model}: the most recent one, or with early
 *     stopping the best epoch's; null if none was made
 * @param hint advice about a run that went on but did not go well (the loss stopped falling), or empty
 * @param bestValidation the end-of-epoch measurement with the best validation accuracy, or null
 *     when the run held no validation images (or ended before its first epoch did)
 * @param restoredEpoch the epoch whose weights {@code model} holds when early stopping put the
 *     best back, else 0
 * @param stoppedEarlyAt the epoch after which early stopping ended the run, else 0
 * @param lastGood when diverged: the last good checkpoint, to go on from at a lower rate; else null
 * @param divergedAtRate when diverged: the rate in force at the blow-up; else NaN
 */
public record TrainingOutcome(Status status, String message, int epochsCompleted, long examplesSeen,
        EvaluationPoint lastEvaluation, TrainedModel model, String hint, EvaluationPoint bestValidation,
        int restoredEpoch, int stoppedEarlyAt, Checkpoint lastGood, double divergedAtRate) {

    public TrainingOutcome(Status status, String message, int epochsCompleted, long examplesSeen,
            EvaluationPoint lastEvaluation, TrainedModel model, String hint, EvaluationPoint bestValidation,
            int restoredEpoch, int stoppedEarlyAt) {
        this(status, message, epochsCompleted, examplesSeen, lastEvaluation, model, hint, bestValidation,
                restoredEpoch, stoppedEarlyAt, null, Double.NaN);
    }

    /** This outcome with where a diverged run could go on from. */
    TrainingOutcome diverged(Checkpoint checkpoint, double rate) {
        return new TrainingOutcome(status, message, epochsCompleted, examplesSeen, lastEvaluation, model, hint,
                bestValidation, restoredEpoch, stoppedEarlyAt, checkpoint, rate);
    }

    /** True when the run diverged and can go on from a checkpoint at half {@link #divergedAtRate}. */
    public boolean resumable() {
        return diverged() && lastGood != null && Double.isFinite(divergedAtRate) && divergedAtRate > 0;
    }

    /** An outcome without a hint or validation. */
    public TrainingOutcome(Status status, String message, int epochsCompleted, long examplesSeen,
            EvaluationPoint lastEvaluation, TrainedModel model) {
        this(status, message, epochsCompleted, examplesSeen, lastEvaluation, model, "", null, 0, 0);
    }

    /** COMPLETED also covers a run that early stopping ended: it did what was asked. */
    public enum Status { COMPLETED, CANCELLED, DIVERGED }

    public boolean diverged() {
        return status == Status.DIVERGED;
    }

    public boolean stoppedEarly() {
        return stoppedEarlyAt > 0;
    }
}
