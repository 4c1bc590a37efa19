package org.mnistlab.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistlab.testing.Specs;

class NetworkSpecTest {
    private static final NetworkSpec BASE = NetworkSpec.defaults();

    @Test
    void notebookNetworkHasFiftyTwoThousandSixHundredFiftyParameters() {
        assertEquals("784-64-32-10", BASE.architecture());
        assertEquals(52_650, BASE.parameterCount());
        assertEquals(7_850, BASE.toBuilder().hiddenLayers(List.of()).build().parameterCount(), "784-10 logistic regression");
    }

    @Test
    void parameterCountMatchesTheDl4jNetwork() {
        NetworkSpec spec = BASE.toBuilder().hiddenLayers(List.of(new HiddenLayer(100, ActivationKind.TANH),
                new HiddenLayer(100, ActivationKind.RELU))).build();
        assertEquals(spec.parameterCount(), Dl4jNetworks.create(spec).numParams());
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                bad("learning rate", () -> BASE.toBuilder().learningRate(0).build()),
                bad("learning rate", () -> BASE.toBuilder().learningRate(-0.1).build()),
                bad("learning rate", () -> BASE.toBuilder().learningRate(Double.NaN).build()),
                bad("learning rate", () -> BASE.toBuilder().learningRate(Double.POSITIVE_INFINITY).build()),
                bad("learning rate", () -> BASE.toBuilder().learningRate(1000).build()),
                bad("batch size", () -> BASE.toBuilder().batchSize(0).build()),
                bad("epochs", () -> BASE.toBuilder().epochs(0).build()),
                bad("dropout", () -> BASE.toBuilder().dropout(1.0).build()),
                bad("units", () -> new HiddenLayer(0, ActivationKind.RELU)),
                bad("units", () -> new HiddenLayer(10_000_000, ActivationKind.RELU)),
                bad("layers", () -> BASE.toBuilder().hiddenLayers(
                        Collections.nCopies(9, new HiddenLayer(8, ActivationKind.RELU))).build()),
                bad("activation", () -> ActivationKind.parse("softmaxish")),
                bad("optimizer", () -> OptimizerKind.parse("lbfgs")));
    }

    private static Arguments bad(String field, Supplier<Object> make) {
        return Arguments.of(field, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidValueIsRejectedNamingTheField(String field, Supplier<Object> make) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, make::get);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }

    @Test
    void specRoundTripsThroughJson() {
        NetworkSpec spec = Specs.everySettingChanged();
        String json = SpecJson.toJson(spec);
        assertEquals(spec, SpecJson.specFromJson(json));
        assertTrue(json.contains("\"optimizer\":\"NESTEROV\""), json);
    }

    @Test
    void settingMissingFromAnOlderFileTakesItsDefault() {
        String json = SpecJson.toJson(Specs.everySettingChanged()).replace("\"initScale\":0.1,", "");
        assertFalse(json.contains("initScale"), json);
        NetworkSpec read = SpecJson.specFromJson(json);
        assertEquals(NetworkSpec.defaults().initScale(), read.initScale());
        assertEquals(0.8, read.momentum(), "the settings that are there are read");
    }

    @Test
    void theTestSpecChangesEverySetting() {
        for (String setting : Specs.settingNames()) {
            assertNotEquals(NetworkSpec.defaults(), Specs.defaultsExcept(setting),
                    setting + " is the same as its default in Specs.everySettingChanged(); change it there");
        }
    }

    @Test
    void toBuilderCopiesEverySetting() {
        NetworkSpec spec = Specs.everySettingChanged();
        assertEquals(spec, spec.toBuilder().build());
    }

    @Test
    void invalidJsonValueSurfacesAsTheSpecError() {
        String json = SpecJson.toJson(BASE).replace("\"learningRate\":0.05", "\"learningRate\":-1");
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> SpecJson.specFromJson(json));
        assertEquals("learning rate", e.field());
    }

    @Test
    void namesAreParsedForgivingly() {
        assertEquals(ActivationKind.LEAKY_RELU, ActivationKind.parse("Leaky-ReLU"));
        assertEquals(OptimizerKind.RMSPROP, OptimizerKind.parse("rmsprop"));
        assertEquals(WeightInitKind.HE, WeightInitKind.parse("HE"));
    }

    @org.junit.jupiter.api.Test
    void aValueJustOutsideARangeIsPrintedAsGivenNotRoundedToTheBound() {
        InvalidSpecException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSpecException.class,
                () -> NetworkSpec.defaults().toBuilder().learningRate(100.0000001).build());
        org.junit.jupiter.api.Assertions.assertEquals("learning rate: 100.0000001 is outside (0, 100]", e.getMessage());
    }
}
