package org.mnistlab.ui.charts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mnistlab.network.NetworkSpec;

/**
 * One column of the table that sets runs' settings side by side: its heading and how a spec's
 * value reads in it. The table highlights the columns whose value is not the same for every run,
 * so what a comparison changed stands out.
 */
enum SettingsColumn {
    LEARNING_RATE("Learning rate", s -> NetworkSpec.formatNumber(s.learningRate())),
    OPTIMIZER("Optimiser", s -> s.optimizer().toString()
            + (s.optimizer().usesMomentum() ? " " + NetworkSpec.formatNumber(s.momentum()) : "")),
    LAYERS("Layers", s -> s.architecture() + " " + s.hiddenLayers().stream()
            .map(l -> l.activation().toString()).distinct().collect(Collectors.joining("/"))),
    BATCH("Batch", s -> String.valueOf(s.batchSize())),
    SCHEDULE("Schedule", s -> s.schedule().text() + (s.warmup() > 0 ? ", warm-up " + s.warmup() : "")),
    VALIDATION("Validation", s -> s.validates() ? String.format(java.util.Locale.ROOT, "%,d", s.validationImages())
            + (s.patience() > 0 ? ", patience " + s.patience() : "") : "none"),
    EPOCHS("Epochs", s -> String.valueOf(s.epochs())),
    INIT("Init", s -> s.weightInit().toString()),
    INPUTS("Inputs", s -> s.normalization().toString()),
    REGULARISATION("Dropout / L2", s -> NetworkSpec.formatNumber(s.dropout()) + " / " + NetworkSpec.formatNumber(s.l2())),
    SEED("Seed", s -> String.valueOf(s.seed()));

    private final String heading;
    private final Function<NetworkSpec, String> value;

    SettingsColumn(String heading, Function<NetworkSpec, String> value) {
        this.heading = heading;
        this.value = value;
    }

    String heading() {
        return heading;
    }

    String valueOf(NetworkSpec spec) {
        return value.apply(spec);
    }

    /** The columns in which at least two of {@code specs} differ; none for fewer than two runs. */
    static Set<SettingsColumn> differing(List<NetworkSpec> specs) {
        Set<SettingsColumn> out = EnumSet.noneOf(SettingsColumn.class);
        for (SettingsColumn column : values()) {
            if (specs.stream().map(column::valueOf).distinct().count() > 1) out.add(column);
        }
        return out;
    }
}
