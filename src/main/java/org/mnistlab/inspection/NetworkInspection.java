package org.mnistlab.inspection;

import java.util.List;
import org.mnistlab.data.DigitSet;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.TrainedModel;

/**
 * Everything the "Inside the network" panel shows about one model, made in one go off the FX
 * thread: its confusion cells on {@code images}, its first-layer weight pictures and a summary of
 * every layer.
 *
 * @param images the set the cells index into (the test set)
 */
public record NetworkInspection(ConfusionCells cells, DigitSet images, WeightGrid weights, List<LayerSummary> layers) {

    public static NetworkInspection of(TrainedModel model, DigitSet images, int maxWeightUnits) {
        return new NetworkInspection(new ConfusionCells(Evaluator.evaluate(model, images)), images,
                WeightGrid.of(model, maxWeightUnits), List.copyOf(LayerSummary.of(model, images)));
    }
}
