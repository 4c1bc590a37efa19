package org.mnistlab.training;

import java.nio.FloatBuffer;

/**
 * Where a training step's input rows come from: the stored images as they are, or distorted copies
 * made for this epoch ({@link DistortedBatches}). The trainer tells it each epoch's order before
 * the first batch, then asks for the batches in that order.
 */
interface BatchSource extends AutoCloseable {
    /** Called once per epoch (1, 2, …) with the epoch's order of row indices, before its batches. */
    default void startEpoch(int epoch, int[] order) {}

    /** Writes the network inputs of rows {@code order[from..to)} into {@code into}, row after row, from 0. */
    void gather(int[] order, int from, int to, FloatBuffer into);

    @Override
    default void close() {}

    /** The stored rows, normalised once for the whole run. */
    static BatchSource stored(FloatBuffer features, int width) {
        return (order, from, to, into) -> {
            for (int r = 0; r < to - from; r++) into.put(r * width, features, order[from + r] * width, width);
        };
    }
}
