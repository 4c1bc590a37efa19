package org.mnistlab.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where each dense layer's weights and biases sit in DL4J's flattened parameter array: layer by
 * layer, W (nIn × nOut, column-major, which is row-major nOut × nIn) then b (nOut). The gradient
 * and every optimiser's state use the same layout, since DL4J flattens them alike.
 *
 * @param widths layer widths from input to output, e.g. 784, 64, 32, 10
 */
record ParameterLayout(int[] widths, int[] weightOffset, int[] biasOffset, int count) {

    static ParameterLayout of(int[] widths) {
        int layers = widths.length - 1;
        int[] weightOffset = new int[layers];
        int[] biasOffset = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = offset;
            offset += widths[l] * widths[l + 1];
            biasOffset[l] = offset;
            offset += widths[l + 1];
        }
        return new ParameterLayout(widths.clone(), weightOffset, biasOffset, offset);
    }

    /** Weight layers, the output layer included. */
    int layers() {
        return widths.length - 1;
    }

    int inputs(int layer) {
        return widths[layer];
    }

    int outputs(int layer) {
        return widths[layer + 1];
    }

    int weightCount(int layer) {
        return widths[layer] * widths[layer + 1];
    }

    /** Fails unless {@code flat} is DL4J's flattened float parameter row with exactly this layout's size. */
    void requireMatches(INDArray flat) {
        if (flat.length() != count || !flat.isRowVectorOrScalar() || flat.offset() != 0) {
            throw new IllegalStateException("parameter layout is not W,b per dense layer (" + flat.length()
                    + " parameters, expected " + count + ")");
        }
    }
}
