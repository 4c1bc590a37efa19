package org.mnistlab.training;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The working memory of one dense layer of the fast path for a batch of {@code batch} rows: its
 * place in the parameters and the gradient, what it multiplies, where its product lands and, for
 * a hidden layer, its activations and dropout mask. Row-major, one row per example.
 */
final class LayerBuffers implements AutoCloseable {
    final int inputs;
    final int outputs;
    final int biasOffset;
    /** W as row-major outputs × inputs and b, inside the network's own parameters. */
    final FloatPointer weights;
    final FloatPointer biases;
    /** The same places in the gradient; null where SGD folds its update into the product. */
    final FloatPointer weightGradient;
    final FloatPointer biasGradient;
    /** What W multiplies: the batch for the first layer, else the previous layer's output after dropout. */
    final NativeBuffer input;
    /** ∂loss/∂(pre-activations), also where the output layer's product lands. */
    final NativeBuffer delta;
    final float[] deltaHeap;
    /** Where a hidden layer's product lands (the output layer's goes straight into delta). */
    final NativeBuffer product;
    final float[] bias;

    /** For a hidden layer: its activation, pre-activations z, outputs a (z itself when f′ needs only a). */
    final ActivationFunction activation;
    final float[] z;
    final float[] a;
    /** Dropout on this layer's output: 0 or 1/keep per unit, and a times it; null without dropout. */
    final float[] keepScale;
    final float[] dropped;

    /**
     * @param activation null for the output layer (softmax, done by the step itself)
     * @param dropout whether this layer's output is dropped before the next layer sees it
     */
    LayerBuffers(ParameterLayout layout, int layer, int batch, NativeBuffer params, NativeBuffer gradient,
            NativeBuffer input, ActivationFunction activation, boolean dropout) {
        inputs = layout.inputs(layer);
        outputs = layout.outputs(layer);
        biasOffset = layout.biasOffset()[layer];
        weights = params.at(layout.weightOffset()[layer]);
        biases = params.at(biasOffset);
        weightGradient = gradient == null ? null : gradient.at(layout.weightOffset()[layer]);
        biasGradient = gradient == null ? null : gradient.at(biasOffset);
        this.input = input;
        int n = batch * outputs;
        delta = NativeBuffer.zeros(n);
        deltaHeap = new float[n];
        bias = new float[outputs];
        this.activation = activation;
        boolean hidden = activation != null;
        product = hidden ? NativeBuffer.zeros(n) : delta;
        z = hidden ? new float[n] : null;
        a = hidden && activation.needsPreActivation() ? new float[n] : z;
        keepScale = hidden && dropout ? new float[n] : null;
        dropped = hidden && dropout ? new float[n] : a;
    }

    @Override
    public void close() {
        input.close();
        delta.close();
        if (product != delta) product.close();
    }
}
