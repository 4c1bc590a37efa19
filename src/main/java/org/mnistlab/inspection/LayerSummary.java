package org.mnistlab.inspection;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer at a glance: how its weights are spread, and for a ReLU layer how many of its units
 * are dead.
 *
 * @param name "Hidden layer 2" or "Output layer"
 * @param deadFraction the share of units that output 0 for every image of the sample; NaN for a
 *     layer that is not ReLU (only ReLU's flat zero side can switch a unit off for good)
 */
public record LayerSummary(String name, int inputs, int units, Histogram weights, double deadFraction) {
    public static final int BINS = 30;
    /** Test images a dead unit must stay silent for: enough that a live unit fires for some. */
    public static final int DEAD_SAMPLE = 1000;
    public static final String DEAD_EXPLAINED = "A dead ReLU unit outputs 0 for every image: its weighted input "
            + "is always negative, so its gradient is 0 and it never learns again (often after too large a "
            + "learning rate).";

    /** Every layer, first to output; dead units are counted on the first {@link #DEAD_SAMPLE} images of {@code sample}. */
    public static List<LayerSummary> of(TrainedModel model, DigitSet sample) {
        DigitSet few = sample.first(DEAD_SAMPLE);
        INDArray features = few.features(model.spec().normalization());
        NetworkSpec spec = model.spec();
        List<LayerSummary> layers = new ArrayList<>();
        synchronized (model) {
            MultiLayerNetwork network = model.network();
            List<INDArray> outputs = network.feedForward(features, false); // [0] is the input
            int[] widths = spec.layerWidths();
            for (int layer = 0; layer < widths.length - 1; layer++) {
                boolean hidden = layer < spec.hiddenLayers().size();
                float[] weights = flat(network.getLayer(layer).getParam("W").toFloatMatrix());
                double dead = hidden && spec.hiddenLayers().get(layer).activation() == ActivationKind.RELU
                        ? deadFraction(outputs.get(layer + 1).toFloatMatrix()) : Double.NaN;
                layers.add(new LayerSummary(hidden ? "Hidden layer " + (layer + 1) : "Output layer",
                        widths[layer], widths[layer + 1], Histogram.of(weights, BINS), dead));
            }
        }
        return layers;
    }

    private static float[] flat(float[][] matrix) {
        float[] out = new float[matrix.length * matrix[0].length];
        for (int r = 0; r < matrix.length; r++) System.arraycopy(matrix[r], 0, out, r * matrix[0].length, matrix[0].length);
        return out;
    }

    /** @param activations one row per image, one column per unit */
    static double deadFraction(float[][] activations) {
        if (activations.length == 0) return Double.NaN;
        int units = activations[0].length;
        int dead = 0;
        for (int u = 0; u < units; u++) {
            boolean silent = true;
            for (float[] row : activations) {
                if (row[u] > 0) {
                    silent = false;
                    break;
                }
            }
            if (silent) dead++;
        }
        return (double) dead / units;
    }
}
