package org.mnistlab.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.mnistlab.data.Normalization;

class NetworkSpecTest {
    private static final NetworkSpec BASE = NetworkSpec.defaults();

    @Test
    void notebookNetworkHasFiftyTwoThousandSixHundredFiftyParameters() {
        assertEquals("784-64-32-10", BASE.architecture());
        assertEquals(52_650, BASE.parameterCount());
        assertEquals(7_850, BASE.withHiddenLayers(List.of()).parameterCount(), "784-10 logistic regression");
    }

    @Test
    void parameterCountMatchesTheDl4jNetwork() {
        NetworkSpec spec = BASE.withHiddenLayers(List.of(new HiddenLayer(100, ActivationKind.TANH),
                new HiddenLayer(100, ActivationKind.RELU)));
        assertEquals(spec.parameterCount(), Dl4jNetworks.create(spec).numParams());
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                bad("learning rate", () -> BASE.withLearningRate(0)),
                bad("learning rate", () -> BASE.withLearningRate(-0.1)),
                bad("learning rate", () -> BASE.withLearningRate(Double.NaN)),
                bad("learning rate", () -> BASE.withLearningRate(Double.POSITIVE_INFINITY)),
                bad("learning rate", () -> BASE.withLearningRate(1000)),
                bad("batch size", () -> BASE.withBatchSize(0)),
                bad("epochs", () -> BASE.withEpochs(0)),
                bad("dropout", () -> BASE.withDropout(1.0)),
                bad("units", () -> new HiddenLayer(0, ActivationKind.RELU)),
                bad("units", () -> new HiddenLayer(10_000_000, ActivationKind.RELU)),
                bad("layers", () -> BASE.withHiddenLayers(
                        Collections.nCopies(9, new HiddenLayer(8, ActivationKind.RELU)))),
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
        NetworkSpec spec = new NetworkSpec(
                List.of(new HiddenLayer(392, ActivationKind.LEAKY_RELU), new HiddenLayer(98, ActivationKind.GELU)),
                OptimizerKind.NESTEROV, 0.01, 0.8, 64, 3, 99, 0.2, 1e-4, WeightInitKind.UNIFORM, 0.1,
                Normalization.STANDARDIZE);
        String json = SpecJson.toJson(spec);
        assertEquals(spec, SpecJson.specFromJson(json));
        assertTrue(json.contains("\"optimizer\":\"NESTEROV\""), json);
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
}
