package org.mnistlab.inspection;

import java.util.ArrayList;
import java.util.List;

/**
 * What one hidden layer outputs for one drawing, as a row of cells a student can read at a
 * glance: every unit up to {@link #MAX_CELLS}, evenly sampled beyond that.
 *
 * @param layer the hidden layer, from 1
 * @param units which units the cells show (indices into the layer), ascending
 * @param values their outputs
 * @param largest the largest magnitude in the whole layer, which the brightest cell stands for
 */
public record ActivationStrip(int layer, int totalUnits, int[] units, float[] values, float largest) {
    public static final int MAX_CELLS = 64;

    /** @param layerOutputs as from {@code TrainedModel.layerOutputs}: input, each hidden layer, output */
    public static List<ActivationStrip> of(float[][] layerOutputs) {
        List<ActivationStrip> strips = new ArrayList<>();
        for (int layer = 1; layer < layerOutputs.length - 1; layer++) {
            strips.add(of(layer, layerOutputs[layer]));
        }
        return strips;
    }

    static ActivationStrip of(int layer, float[] outputs) {
        int cells = Math.min(MAX_CELLS, outputs.length);
        int[] units = new int[cells];
        float[] values = new float[cells];
        for (int c = 0; c < cells; c++) {
            units[c] = (int) ((long) c * outputs.length / cells);
            values[c] = outputs[units[c]];
        }
        return new ActivationStrip(layer, outputs.length, units, values, DivergingScale.maxAbs(outputs));
    }

    public boolean sampled() {
        return units.length < totalUnits;
    }

    /** The cell showing the most active unit, or -1 when every unit is silent. */
    public int strongestCell() {
        int best = -1;
        for (int c = 0; c < values.length; c++) {
            if (values[c] > 0 && (best < 0 || values[c] > values[best])) best = c;
        }
        return best;
    }
}
