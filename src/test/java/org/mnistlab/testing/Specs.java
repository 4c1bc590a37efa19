package org.mnistlab.testing;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mnistlab.data.Normalization;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Augmentation;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.RateSchedule;
import org.mnistlab.network.WeightInitKind;

/**
 * Specs for the tests that check every setting reaches every face (CLI, designer, JSON). When a
 * setting is added to {@link NetworkSpec}, {@code NetworkSpecTest} fails until it is changed here
 * too, and then the faces' tests fail until each face declares it.
 */
public final class Specs {
    private Specs() {}

    /** A valid spec in which every setting differs from {@link NetworkSpec#defaults()}. */
    public static NetworkSpec everySettingChanged() {
        return NetworkSpec.builder()
                .hiddenLayers(List.of(new HiddenLayer(100, ActivationKind.TANH),
                        new HiddenLayer(30, ActivationKind.LEAKY_RELU)))
                .optimizer(OptimizerKind.NESTEROV)
                .learningRate(0.01)
                .momentum(0.8)
                .batchSize(64)
                .epochs(3)
                .seed(42)
                .dropout(0.2)
                .l2(1e-4)
                .weightInit(WeightInitKind.UNIFORM)
                .initScale(0.1)
                .normalization(Normalization.STANDARDIZE)
                .validationImages(5000)
                .patience(2)
                .augmentation(Augmentation.STRONG)
                .schedule(RateSchedule.step(2, 0.5))
                .warmup(100)
                .build();
    }

    /** The names of the spec's settings, as its record components call them. */
    public static Set<String> settingNames() {
        return Arrays.stream(NetworkSpec.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
    }

    /** The defaults with only {@code setting} taken from {@link #everySettingChanged()}. */
    public static NetworkSpec defaultsExcept(String setting) {
        try {
            RecordComponent component = Arrays.stream(NetworkSpec.class.getRecordComponents())
                    .filter(c -> c.getName().equals(setting)).findFirst().orElseThrow();
            Object value = component.getAccessor().invoke(everySettingChanged());
            NetworkSpec.Builder builder = NetworkSpec.builder();
            // Patience means nothing without validation images, so it brings them along.
            if (setting.equals("patience")) builder.validationImages(everySettingChanged().validationImages());
            NetworkSpec.Builder.class.getMethod(setting, component.getType()).invoke(builder, value);
            return builder.build();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the builder has no setter for " + setting, e);
        }
    }
}
