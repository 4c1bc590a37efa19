package org.mnistlab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mnistlab.Quoted;
import org.mnistlab.data.Normalization;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Augmentation;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.Names;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.RateSchedule;
import org.mnistlab.network.WeightInitKind;

/**
 * The command-line options that describe a network, shared by {@code train} and {@code bench}.
 * Each is declared once, below: its help, defaults and choices come from {@link NetworkSpec} and
 * the enums, so they cannot drift from what the spec accepts.
 */
public final class SpecOptions {
    private static final NetworkSpec DEFAULTS = NetworkSpec.defaults();

    /**
     * One option: the spec setting it fills (its name in {@link NetworkSpec}), its help, the text
     * that gives a spec's value on the command line, and how it is read into a builder.
     */
    private record SpecOption(String name, String setting, String help, Function<NetworkSpec, String> text,
            BiConsumer<CliArgs, NetworkSpec.Builder> read) {}

    private static final List<SpecOption> OPTIONS = List.of(
            // --layers reads --activation too: a layer needs both, so the two are read together.
            new SpecOption("layers", "hiddenLayers",
                    "hidden layer sizes, input to output ('none' for no hidden layer)",
                    SpecOptions::layerSizes, (args, b) -> b.hiddenLayers(layers(
                            args.text("layers", layerSizes(DEFAULTS)),
                            args.text("activation", activations(DEFAULTS))))),
            new SpecOption("activation", "hiddenLayers",
                    Names.choices(ActivationKind.class) + ";\none for all layers or one per layer (relu,tanh)",
                    SpecOptions::activations, (args, b) -> {}),
            choice("optimizer", "optimizer", OptimizerKind.class, OptimizerKind::parse,
                    NetworkSpec::optimizer, NetworkSpec.Builder::optimizer, ""),
            decimal("lr", "learningRate", "learning rate (0 < lr <= "
                    + NetworkSpec.formatNumber(NetworkSpec.MAX_LEARNING_RATE) + ")",
                    NetworkSpec::learningRate, NetworkSpec.Builder::learningRate),
            new SpecOption("schedule", "schedule",
                    "how the rate moves: constant; step:K:G multiplies it by G every K\n"
                            + "epochs; exp:G by G per epoch, a little each step; cosine[:FLOOR]\n"
                            + "falls along half a cosine to FLOOR (default 0) at the end",
                    s -> s.schedule().text(),
                    (args, b) -> b.schedule(RateSchedule.parse(args.text("schedule", DEFAULTS.schedule().text())))),
            // Not --warmup: bench's --warmup (examples trained before timing) came first.
            whole("warmup-steps", "warmup", "steps (batches) over which the rate rises linearly to the\n"
                    + "schedule's at the start (0: none; must end before the run)",
                    NetworkSpec::warmup, NetworkSpec.Builder::warmup),
            decimal("momentum", "momentum", "momentum for momentum and nesterov", NetworkSpec::momentum,
                    NetworkSpec.Builder::momentum),
            whole("batch", "batchSize", "examples per update", NetworkSpec::batchSize,
                    NetworkSpec.Builder::batchSize),
            whole("epochs", "epochs", "passes over the training images", NetworkSpec::epochs,
                    NetworkSpec.Builder::epochs),
            new SpecOption("seed", "seed", "fixes initial weights and shuffling",
                    s -> String.valueOf(s.seed()),
                    (args, b) -> b.seed(args.longInteger("seed", DEFAULTS.seed()))),
            decimal("dropout", "dropout", "probability of dropping a hidden unit (0-0.95)", NetworkSpec::dropout,
                    NetworkSpec.Builder::dropout),
            decimal("l2", "l2", "L2 weight penalty", NetworkSpec::l2, NetworkSpec.Builder::l2),
            choice("init", "weightInit", WeightInitKind.class, WeightInitKind::parse, NetworkSpec::weightInit,
                    NetworkSpec.Builder::weightInit, " (uniform uses --init-scale)"),
            decimal("init-scale", "initScale", "uniform init draws weights from [-scale, scale]",
                    NetworkSpec::initScale, NetworkSpec.Builder::initScale),
            new SpecOption("normalization", "normalization",
                    Arrays.stream(Normalization.values()).map(SpecOptions::normalizationName)
                            .collect(Collectors.joining(" or ")) + " (pixels / 255, or mean "
                            + Normalization.MNIST_MEAN + " and std " + Normalization.MNIST_STD + ")",
                    s -> normalizationName(s.normalization()),
                    (args, b) -> b.normalization(normalization(
                            args.text("normalization", normalizationName(DEFAULTS.normalization()))))),
            new SpecOption("validation", "validationImages",
                    "hold out this many training images, chosen by the seed, and measure\n"
                            + "the network on them each epoch (the notebooks: 5000)",
                    s -> s.validates() ? String.valueOf(s.validationImages()) : "none",
                    (args, b) -> b.validationImages(validation(args))),
            whole("patience", "patience", "stop when the validation loss has not improved for this many\n"
                    + "epochs, keeping the best network (needs --validation; 0: never)",
                    NetworkSpec::patience, NetworkSpec.Builder::patience),
            choice("augment", "augmentation", Augmentation.class, Augmentation::parse, NetworkSpec::augmentation,
                    NetworkSpec.Builder::augmentation,
                    ";\ndistorts training images afresh each epoch (rotation, shear, scale, shift,\n"
                            + "stroke width; strong adds elastic wobble); the test set never is"));

    static final Set<String> NAMES = OPTIONS.stream().map(SpecOption::name).collect(Collectors.toUnmodifiableSet());

    /** "  --lr 0.05             learning rate …", one option a line, with today's default as the example. */
    static final String HELP = OPTIONS.stream()
            .map(o -> String.format(Locale.ROOT, "  %-22s%s%n", "--" + o.name() + " " + o.text().apply(DEFAULTS),
                    o.help().replace("\n", System.lineSeparator() + " ".repeat(24))))
            .collect(Collectors.joining());

    private static SpecOption decimal(String name, String setting, String help, Function<NetworkSpec, Double> get,
            BiConsumer<NetworkSpec.Builder, Double> set) {
        return new SpecOption(name, setting, help, spec -> NetworkSpec.formatNumber(get.apply(spec)),
                (args, builder) -> set.accept(builder, args.number(name, get.apply(DEFAULTS))));
    }

    private static SpecOption whole(String name, String setting, String help, Function<NetworkSpec, Integer> get,
            BiConsumer<NetworkSpec.Builder, Integer> set) {
        return new SpecOption(name, setting, help, spec -> String.valueOf(get.apply(spec)),
                (args, builder) -> set.accept(builder, args.integer(name, get.apply(DEFAULTS))));
    }

    /** An enum setting: its help lists every constant, as typed ("sgd, nesterov, …"), then {@code more}. */
    private static <E extends Enum<E>> SpecOption choice(String name, String setting, Class<E> type,
            Function<String, E> parse, Function<NetworkSpec, E> get, BiConsumer<NetworkSpec.Builder, E> set,
            String more) {
        return new SpecOption(name, setting, Names.choices(type) + more, spec -> Names.typed(get.apply(spec)),
                (args, builder) -> set.accept(builder, parse.apply(args.text(name, Names.typed(get.apply(DEFAULTS))))));
    }

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
        NetworkSpec.Builder builder = NetworkSpec.builder();
        OPTIONS.forEach(option -> option.read().accept(args, builder));
        return builder.build();
    }

    /** The options that give {@code spec} on a command line, every setting included, so it reproduces the run. */
    static List<String> commandLine(NetworkSpec spec) {
        List<String> args = new ArrayList<>();
        for (SpecOption option : OPTIONS) {
            if (option.name().equals("activation") && spec.hiddenLayers().isEmpty()) continue;
            args.add("--" + option.name());
            args.add(option.text().apply(spec));
        }
        return args;
    }

    /**
     * The whole {@code train} command that reproduces a run of {@code spec}, as a shell takes it:
     * "java -jar mnist-lab.jar train --layers 64,32 … --warmup 0". The window's "Copy as command
     * line" gives this.
     */
    public static String trainCommand(NetworkSpec spec) {
        StringBuilder line = new StringBuilder("java -jar mnist-lab.jar train");
        for (String arg : commandLine(spec)) line.append(' ').append(shellQuoted(arg));
        return line.toString();
    }

    /** An argument as it is, when a shell would read it unchanged; else in single quotes. */
    private static String shellQuoted(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-_.,:/=+".indexOf(c) >= 0))) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The spec settings these options fill, by their names in {@link NetworkSpec}. */
    static Set<String> settings() {
        return OPTIONS.stream().map(SpecOption::setting).collect(Collectors.toSet());
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

    private static String layerSizes(NetworkSpec spec) {
        if (spec.hiddenLayers().isEmpty()) return "none";
        return spec.hiddenLayers().stream().map(l -> String.valueOf(l.units())).collect(Collectors.joining(","));
    }

    /** One name when every layer shares it ("relu"), else one per layer ("relu,tanh"). */
    private static String activations(NetworkSpec spec) {
        List<String> names = spec.hiddenLayers().stream().map(l -> Names.typed(l.activation())).toList();
        if (names.stream().distinct().count() <= 1) {
            return names.isEmpty() ? Names.typed(ActivationKind.RELU) : names.get(0);
        }
        return String.join(",", names);
    }

    /** What the CLI calls each normalisation: "scale" and "standardize", as the notebooks say. */
    private static String normalizationName(Normalization normalization) {
        return switch (normalization) {
            case SCALE_01 -> "scale";
            case STANDARDIZE -> "standardize";
        };
    }

    /** "none" (or "off") holds nothing out; a number must be at least 1, since 0 would read as a mistake. */
    private static int validation(CliArgs args) {
        String text = args.text("validation", "none").trim();
        if (text.equalsIgnoreCase("none") || text.equalsIgnoreCase("off")) return 0;
        int images = args.integer("validation", 0);
        if (images <= 0) {
            throw new InvalidSpecException("validation", images + " images; hold out 1 or more, or 'none'");
        }
        return images;
    }

    private static Normalization normalization(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        for (Normalization n : Normalization.values()) {
            if (normalizationName(n).equals(wanted) || Names.typed(n).equals(wanted)) return n;
        }
        // British spelling, as the window's label writes it.
        if (wanted.equals("standardise")) return Normalization.STANDARDIZE;
        throw new InvalidSpecException("normalization", "'" + text + "' is not one of "
                + Arrays.stream(Normalization.values()).map(SpecOptions::normalizationName)
                        .collect(Collectors.joining(", ")));
    }
}
