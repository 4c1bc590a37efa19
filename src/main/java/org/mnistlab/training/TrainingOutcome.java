package org.mnistlab.training;

import org.mnistlab.network.TrainedModel;

/**
 * How a run ended, with the network as it was then (usable even after Stop).
 *
 * @param message for the user: empty when completed, the explanation when diverged or stopped
 * @param lastEvaluation the most recent test measurement, or null if none was made
 * @param hint advice about a run that went on but did not go well (the loss stopped falling), or empty
 */
public record TrainingOutcome(Status status, String message, int epochsCompleted, long examplesSeen,
        EvaluationPoint lastEvaluation, TrainedModel model, String hint) {

    /** An outcome without a hint. */
    public TrainingOutcome(Status status, String message, int epochsCompleted, long examplesSeen,
            EvaluationPoint lastEvaluation, TrainedModel model) {
        this(status, message, epochsCompleted, examplesSeen, lastEvaluation, model, "");
    }

    public enum Status { COMPLETED, CANCELLED, DIVERGED }

    public boolean diverged() {
        return status == Status.DIVERGED;
    }
}
