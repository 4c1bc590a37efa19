package org.mnistlab.runs;

import java.util.List;
import org.mnistlab.training.EvaluationPoint;

/**
 * A stored run's curves, as the charts draw them.
 *
 * @param trainLoss {examples seen, batch loss}, one per training batch, in order
 * @param rateChanges {examples seen, new learning rate}
 */
public record RunPoints(List<double[]> trainLoss, List<EvaluationPoint> evaluations, List<double[]> rateChanges) {
    public RunPoints {
        trainLoss = List.copyOf(trainLoss);
        evaluations = List.copyOf(evaluations);
        rateChanges = List.copyOf(rateChanges);
    }
}
