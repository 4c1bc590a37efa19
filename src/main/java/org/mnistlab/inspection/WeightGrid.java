package org.mnistlab.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The first layer's weights as pictures: each unit looks at all 784 pixels, so its incoming
 * weights form a 28×28 template of what excites (red) and inhibits (blue) it.
 *
 * <p>A network without hidden layers (784-10) has the output layer first: its 10 units are
 * the digits' own templates.
 *
 * @param totalUnits units in the layer; {@code units} holds the first {@code shown()} of them
 */
public record WeightGrid(boolean outputTemplates, int totalUnits, List<UnitWeights> units) {
    /** The most units drawn: a 32×32 grid of 28×28 pictures. */
    public static final int MAX_UNITS = 1024;

    /** The first {@code maxUnits} units of the model's first layer (all of them if fewer). */
    public static WeightGrid of(TrainedModel model, int maxUnits) {
        if (maxUnits < 1) throw new IllegalArgumentException("maxUnits must be at least 1, was " + maxUnits);
        float[][] w; // DL4J stores a dense layer's W as nIn × nOut: column j is unit j's incoming weights
        synchronized (model) { // the trainer and the pad use the same network
            INDArray weights = model.network().getLayer(0).getParam("W");
            w = weights.toFloatMatrix();
        }
        int total = w[0].length;
        int shown = Math.min(total, maxUnits);
        List<UnitWeights> units = new ArrayList<>(shown);
        for (int j = 0; j < shown; j++) {
            float[] incoming = new float[NetworkSpec.INPUTS];
            for (int i = 0; i < incoming.length; i++) incoming[i] = w[i][j];
            units.add(UnitWeights.of(j, incoming));
        }
        return new WeightGrid(model.spec().hiddenLayers().isEmpty(), total, List.copyOf(units));
    }

    public int shown() {
        return units.size();
    }

    /** E.g. "First hidden layer: 64 units", "First hidden layer: 1,024 of 2,000 shown". */
    public String caption() {
        String what = outputTemplates ? "No hidden layer: the 10 output units' templates" : "First hidden layer";
        String count = shown() == totalUnits
                ? String.format(Locale.ROOT, "%,d units", totalUnits)
                : String.format(Locale.ROOT, "%,d of %,d shown", shown(), totalUnits);
        return what + ": " + count;
    }
}
