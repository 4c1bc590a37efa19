package org.mnistlab.runs;

import java.util.List;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.training.LossPoint;

/**
 * A stored run's curves, as the charts draw them.
 *
 * @param trainLoss one per training batch, in order
 */
public record RunPoints(List<LossPoint> trainLoss, List<EvaluationPoint> evaluations, List<RateChange> rateChanges) {
    public RunPoints {
        trainLoss = List.copyOf(trainLoss);
        evaluations = List.copyOf(evaluations);
        rateChanges = List.copyOf(rateChanges);
    }
}
