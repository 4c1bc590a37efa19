package org.mnistlab.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mnistlab.Quoted;
import org.mnistlab.data.Normalization;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.WeightInitKind;

/** The command-line options that describe a network, shared by {@code train} and {@code bench}. */
final class SpecOptions {
    static final Set<String> NAMES = Set.of("layers", "activation", "optimizer", "lr", "momentum",
            "batch", "epochs", "seed", "dropout", "l2", "init", "init-scale", "normalization");

    static final String HELP = """
              --layers 64,32        hidden layer sizes, input to output ('none' for no hidden layer)
              --activation relu     relu, leaky-relu, tanh, sigmoid, elu, gelu, selu, swish, identity;
                                    one for all layers or one per layer (relu,tanh)
              --optimizer sgd       sgd, nesterov, adam, rmsprop, adagrad, adadelta, adamax, nadam
              --lr 0.05             learning rate (0 < lr <= 100)
              --momentum 0.9        momentum for nesterov
              --batch 100           examples per update
              --epochs 5            passes over the training images
              --seed 1              fixes initial weights and shuffling
              --dropout 0           probability of dropping a hidden unit (0-0.95)
              --l2 0                L2 weight penalty
              --init he             he, xavier or uniform (with --init-scale 0.05)
              --normalization scale scale (pixels / 255) or standardize (mean 0.1307, std 0.3081)
            """;

    private SpecOptions() {}

    /** Usage of a command that trains (train, bench): the network's and the data's options, then its own. */
    static String usage(String command, String ownHelp) {
        return "Usage: java -jar mnist-lab.jar " + command + " [options]\n\n"
                + HELP + DataOptions.HELP + ownHelp;
    }

    /** The valued options of a command that trains: the network's, the data's and its own. */
    static Set<String> valuedOptions(String... own) {
        Set<String> names = new HashSet<>(NAMES);
        names.addAll(DataOptions.NAMES);
        names.addAll(List.of(own));
        return names;
    }

    static NetworkSpec read(CliArgs args) {
        NetworkSpec d = NetworkSpec.defaults();
        return new NetworkSpec(
                layers(args.text("layers", "64,32"), args.text("activation", "relu")),
                OptimizerKind.parse(args.text("optimizer", "sgd")),
                args.number("lr", d.learningRate()),
                args.number("momentum", d.momentum()),
                args.integer("batch", d.batchSize()),
                args.integer("epochs", d.epochs()),
                args.longInteger("seed", d.seed()),
                args.number("dropout", d.dropout()),
                args.number("l2", d.l2()),
                WeightInitKind.parse(args.text("init", "he")),
                args.number("init-scale", d.initScale()),
                normalization(args.text("normalization", "scale")));
    }

    static List<HiddenLayer> layers(String sizes, String activations) {
        List<ActivationKind> kinds = new ArrayList<>();
        for (String kind : activations.split(",", -1)) kinds.add(ActivationKind.parse(kind.trim()));
        List<HiddenLayer> layers = new ArrayList<>();
        String trimmed = sizes.trim();
        if (trimmed.equalsIgnoreCase("none")) return layers; // only 'none' means no hidden layer
        String[] parts = trimmed.split(",", -1);
        if (kinds.size() != 1 && kinds.size() != parts.length) {
            throw new InvalidSpecException("activation", kinds.size() + " activations for "
                    + parts.length + " layers; give one, or one per layer");
        }
        for (int i = 0; i < parts.length; i++) {
            int units;
            try {
                units = CliArgs.parseWhole(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("layers", Quoted.of(parts[i].trim())
                        + " is not a whole number of units (e.g. --layers 64,32, or --layers none)");
            }
            layers.add(new HiddenLayer(units, kinds.get(kinds.size() == 1 ? 0 : i)));
        }
        return layers;
    }

    private static Normalization normalization(String text) {
        return switch (text.toLowerCase()) {
            case "scale", "01", "scale01", "scale_01" -> Normalization.SCALE_01;
            case "standardize", "standardise", "standard" -> Normalization.STANDARDIZE;
            default -> throw new InvalidSpecException("normalization",
                    "'" + text + "' is not one of scale, standardize");
        };
    }
}
