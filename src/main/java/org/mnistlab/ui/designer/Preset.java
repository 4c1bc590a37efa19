package org.mnistlab.ui.designer;

import java.util.List;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;

/** The networks of the course notebooks, one click away. */
public record Preset(String name, NetworkSpec spec) {

    public static List<Preset> all() {
        NetworkSpec base = NetworkSpec.defaults();
        return List.of(
                new Preset("784-64-32-10 · SGD 0.05 · batch 100 (notebook)", base),
                new Preset("784-500-10 · SGD 0.1 · batch 128",
                        base.toBuilder().hiddenLayers(relu(500)).learningRate(0.1).batchSize(128).build()),
                new Preset("784-100-100-10 · Adam 0.001 · batch 128",
                        base.toBuilder().hiddenLayers(relu(100, 100)).optimizer(OptimizerKind.ADAM)
                                .learningRate(0.001).batchSize(128).build()),
                new Preset("784-392-196-98-10 · Adam 0.001 · dropout 0.2",
                        base.toBuilder().hiddenLayers(relu(392, 196, 98)).optimizer(OptimizerKind.ADAM)
                                .learningRate(0.001).dropout(0.2).build()),
                new Preset("784-16-10 · Adam 0.001 · batch 20",
                        base.toBuilder().hiddenLayers(relu(16)).optimizer(OptimizerKind.ADAM)
                                .learningRate(0.001).batchSize(20).build()),
                new Preset("784-64-32-10 · SGD 0.9 (watch it diverge)", base.toBuilder().learningRate(0.9).build()),
                new Preset("784-64-32-10 · SGD 0.0005 (watch it crawl)", base.toBuilder().learningRate(0.0005).build()));
    }

    private static List<HiddenLayer> relu(int... units) {
        return java.util.Arrays.stream(units).mapToObj(u -> new HiddenLayer(u, ActivationKind.RELU)).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
