package org.mnistlab.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees a run's native arrays now instead of whenever the garbage collector notices: the Java
 * side of an INDArray is tiny, so dozens of stopped runs' images (40 MB to 400 MB each) could
 * otherwise pile up off-heap between collections.
 */
final class NativeMemory {
    private NativeMemory() {}

    /**
     * The network and its layers keep the last batch they saw, a view into these arrays, so those
     * references go first. Not {@code network.clear()}: that also drops the solver, and with it the
     * optimiser's state (Adam's moments), which would restart from zero in the middle of a run.
     */
    static void free(MultiLayerNetwork network, INDArray... arrays) {
        for (Layer layer : network.getLayers()) layer.clear();
        network.setInput(null);
        network.setLabels(null);
        for (INDArray array : arrays) {
            if (array.closeable()) array.close();
        }
    }
}
