package org.mnistlab.storage;

import java.nio.file.Path;
import java.util.List;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;

/**
 * A child process for {@link ModelFileKillTest}: saves a large model (46 MB of weights, about a
 * second per save) to the same file over and over, saying when each save starts and ends.
 */
public final class SaveLoop {
    public static final NetworkSpec SPEC = NetworkSpec.builder().hiddenLayers(List.of(
            new HiddenLayer(4096, ActivationKind.RELU), new HiddenLayer(2048, ActivationKind.RELU))).build();

    private SaveLoop() {}

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        TrainedModel model = new TrainedModel(SPEC, Dl4jNetworks.create(SPEC));
        for (int i = 1; ; i++) {
            System.out.println("saving " + i);
            ModelFile.save(model, (double) i, target);
            System.out.println("saved " + i);
        }
    }
}
