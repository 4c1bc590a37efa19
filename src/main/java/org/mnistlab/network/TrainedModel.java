package org.mnistlab.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network with the spec it was built from, which says how to normalise its input.
 *
 * <p>Not thread-safe: DL4J networks must not run {@code output} from two threads at once, so
 * callers that share a model (the drawing pad while training runs) synchronise on it.
 */
public record TrainedModel(NetworkSpec spec, MultiLayerNetwork network) {

    /**
     * Identity, not the record's value equality: DL4J's {@code MultiLayerNetwork.equals} compares
     * every parameter, and the window's model property calls {@code equals} on each change, so
     * handing over a network at an epoch's end cost the FX thread 40+ ms. Two network objects are
     * two models, even with equal weights.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /**
     * The 10 class probabilities for one image.
     *
     * @param intensities 784 ink values in [0, 1], row-major 28×28 (not yet normalised)
     */
    public synchronized float[] probabilities(float[] intensities) {
        return network.output(inputRow(intensities), false).toFloatVector();
    }

    /**
     * What every layer outputs for one image, in one forward pass: {@code [0]} is the normalised
     * input, then one array per layer; the last is the 10 probabilities.
     *
     * @param intensities 784 ink values in [0, 1], as for {@link #probabilities}
     */
    public synchronized float[][] layerOutputs(float[] intensities) {
        java.util.List<INDArray> outputs = network.feedForward(inputRow(intensities), false);
        float[][] out = new float[outputs.size()][];
        for (int i = 0; i < out.length; i++) out[i] = outputs.get(i).toFloatVector();
        return out;
    }

    private INDArray inputRow(float[] intensities) {
        float[] input = new float[intensities.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = spec.normalization().apply(intensities[i]);
        }
        return Nd4j.create(input, new long[] {1, NetworkSpec.INPUTS}, DataType.FLOAT);
    }

    /** Index of the largest probability. */
    public static int argMax(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) best = i;
        }
        return best;
    }
}
