package org.mnistlab.ui.designer;

import java.util.List;
import org.mnistlab.data.Normalization;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.WeightInitKind;

/**
 * The networks of the course notebooks, one click away.
 *
 * @param tooltip what the preset shows and, where the notebook printed it, what the notebook got
 */
public record Preset(String name, NetworkSpec spec, String tooltip) {

    /**
     * The first PyTorch notebook's settings: 784-64-32-10 ReLU, plain SGD, batch 100, 5 epochs,
     * inputs standardised with MNIST's mean and std, and PyTorch's default {@code nn.Linear} init.
     */
    public static NetworkSpec pytorchNotebook(double learningRate) {
        return NetworkSpec.builder().hiddenLayers(relu(64, 32)).optimizer(OptimizerKind.SGD)
                .learningRate(learningRate).batchSize(100).epochs(5)
                .normalization(Normalization.STANDARDIZE).weightInit(WeightInitKind.PYTORCH).build();
    }

    public static List<Preset> all() {
        NetworkSpec base = NetworkSpec.defaults();
        String notebook = "The first PyTorch notebook: 784-64-32-10 ReLU, plain SGD at batch 100 for 5 epochs, "
                + "standardised inputs, PyTorch's default initialisation. ";
        return List.of(
                new Preset("784-64-32-10 · SGD 0.05 · batch 100 · 5,000 validation (PyTorch notebook)",
                        pytorchNotebook(0.05).toBuilder().validationImages(5000).build(),
                        notebook + "Like the notebook it holds 5,000 of the 60,000 training images out for "
                                + "validation. At this rate the notebook printed test accuracies of 93, 95, 96, 96 "
                                + "and 97 % after its five epochs."),
                new Preset("784-64-32-10 · SGD 0.9 (too high: watch it thrash)", pytorchNotebook(0.9),
                        notebook + "At 0.9 the steps are too large: the notebook printed 52, 24, 25, 34 and 21 %, "
                                + "up and down with no NaN. The loss stops falling; it does not settle."),
                new Preset("784-64-32-10 · SGD 0.0005 (too low: watch it crawl)", pytorchNotebook(0.0005),
                        notebook + "At 0.0005 the steps are tiny: the notebook printed 15, 25, 33, 47 and 56 %, "
                                + "still climbing slowly when it ended."),
                new Preset("784-500-10 · SGD 0.1 · batch 128",
                        base.toBuilder().hiddenLayers(relu(500)).learningRate(0.1).batchSize(128).build(),
                        "One wide hidden layer of 500 ReLUs, plain SGD at 0.1, batch 128."),
                new Preset("784-100-100-10 · Adam 0.001 · batch 128",
                        base.toBuilder().hiddenLayers(relu(100, 100)).optimizer(OptimizerKind.ADAM)
                                .learningRate(0.001).batchSize(128).build(),
                        "Two hidden layers of 100 ReLUs with Adam at its usual 0.001, batch 128."),
                new Preset("784-392-196-98-10 · Adam 0.001 · dropout 0.2",
                        base.toBuilder().hiddenLayers(relu(392, 196, 98)).optimizer(OptimizerKind.ADAM)
                                .learningRate(0.001).dropout(0.2).build(),
                        "A deeper network that halves its width at each layer, with dropout 0.2 against "
                                + "overfitting."),
                new Preset("784-16-10 · Adam 0.001 · batch 20",
                        base.toBuilder().hiddenLayers(relu(16)).optimizer(OptimizerKind.ADAM)
                                .learningRate(0.001).batchSize(20).build(),
                        "A tiny network of 16 hidden units, with small batches of 20."));
    }

    private static List<HiddenLayer> relu(int... units) {
        return java.util.Arrays.stream(units).mapToObj(u -> new HiddenLayer(u, ActivationKind.RELU)).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
