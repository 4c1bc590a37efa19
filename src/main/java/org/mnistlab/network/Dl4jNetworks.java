package org.mnistlab.network;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Turns a {@link NetworkSpec} into an initialised DL4J {@link MultiLayerNetwork}. */
public final class Dl4jNetworks {
    private Dl4jNetworks() {}

    /** Every MNIST training image: what a schedule is laid out over when the data is not known. */
    public static final int MNIST_TRAIN_IMAGES = 60_000;

    /** A network for a run on all of MNIST's training images (see {@link #create(NetworkSpec, int)}). */
    public static MultiLayerNetwork create(NetworkSpec spec) {
        return create(spec, MNIST_TRAIN_IMAGES);
    }

    /**
     * @param givenImages training images the run is given (validation ones included): a schedule
     *     that spreads over steps (exp, cosine) needs the steps per epoch
     */
    public static MultiLayerNetwork create(NetworkSpec spec, int givenImages) {
        return create(spec, givenImages, null);
    }

    /**
     * @param rateOverride a learning-rate schedule in place of the spec's (the range test's
     *     exponential sweep), or null for the spec's own
     */
    public static MultiLayerNetwork create(NetworkSpec spec, int givenImages,
            org.nd4j.linalg.schedule.ISchedule rateOverride) {
        MultiLayerConfiguration configuration = configuration(spec, givenImages);
        if (rateOverride != null) {
            for (NeuralNetConfiguration layer : configuration.getConfs()) {
                ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer.getLayer()).setIUpdater(
                        spec.optimizer().updater(rateOverride, spec.learningRate(), spec.momentum()));
            }
        }
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        if (spec.weightInit() == WeightInitKind.PYTORCH) drawPytorchBiases(net, spec.seed());
        return net;
    }

    /**
     * DL4J can only start biases at a constant, while PyTorch's {@code nn.Linear} draws them from
     * the same U(−1/√fan-in, 1/√fan-in) as its weights; the weights come from the configuration,
     * the biases are drawn here, from the spec's seed so that a run repeats.
     */
    private static void drawPytorchBiases(MultiLayerNetwork net, long seed) {
        java.util.Random random = new java.util.Random(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < net.getnLayers(); i++) {
            INDArray bias = net.getLayer(i).getParam("b");
            double bound = pytorchBound(net.getLayer(i).getParam("W").size(0));
            float[] values = new float[(int) bias.length()];
            for (int j = 0; j < values.length; j++) values[j] = (float) ((2 * random.nextDouble() - 1) * bound);
            bias.assign(Nd4j.create(values, bias.shape(), 'c'));
        }
    }

    /** 1/√fan-in: PyTorch's {@code nn.Linear} bound for weights and biases alike. */
    private static double pytorchBound(long fanIn) {
        return 1 / Math.sqrt(fanIn);
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec) {
        return configuration(spec, MNIST_TRAIN_IMAGES);
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec, int givenImages) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(spec.optimizer().updater(spec.rateSchedule(givenImages), spec.learningRate(),
                        spec.momentum()));
        switch (spec.weightInit()) {
            case XAVIER -> base.weightInit(WeightInit.XAVIER);
            case HE -> base.weightInit(WeightInit.RELU);
            case UNIFORM -> base.weightInit(new UniformDistribution(-spec.initScale(), spec.initScale()));
            case PYTORCH -> { } // per layer below: the bound depends on each layer's fan-in
        }
        if (spec.l2() > 0) {
            base.l2(spec.l2());
        }

        NeuralNetConfiguration.ListBuilder layers = base.list();
        List<HiddenLayer> hidden = spec.hiddenLayers();
        int inputs = NetworkSpec.INPUTS;
        for (int i = 0; i < hidden.size(); i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder()
                    .nIn(inputs).nOut(hidden.get(i).units())
                    .activation(hidden.get(i).activation().dl4j());
            if (spec.weightInit() == WeightInitKind.PYTORCH) pytorchWeights(dense, inputs);
            // DL4J applies a layer's dropout to that layer's *input*. The notebooks drop hidden
            // activations, not pixels, so every layer after the first drops its input.
            if (i > 0) applyDropout(dense, spec);
            layers.layer(dense.build());
            inputs = hidden.get(i).units();
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(inputs).nOut(NetworkSpec.OUTPUTS).activation(Activation.SOFTMAX);
        if (spec.weightInit() == WeightInitKind.PYTORCH) pytorchWeights(output, inputs);
        if (!hidden.isEmpty()) applyDropout(output, spec);
        layers.layer(output.build());
        return layers.build();
    }

    private static void pytorchWeights(org.deeplearning4j.nn.conf.layers.BaseLayer.Builder<?> layer, int fanIn) {
        double bound = pytorchBound(fanIn);
        layer.weightInit(new UniformDistribution(-bound, bound));
    }

    private static void applyDropout(org.deeplearning4j.nn.conf.layers.BaseLayer.Builder<?> layer,
            NetworkSpec spec) {
        if (spec.dropout() > 0) {
            layer.dropOut(1.0 - spec.dropout()); // DL4J takes the probability of *keeping* a unit
        }
    }
}
