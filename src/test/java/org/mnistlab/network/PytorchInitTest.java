package org.mnistlab.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** PyTorch's {@code nn.Linear} default: weights and biases uniform in ±1/√fan-in. */
class PytorchInitTest {
    private static final NetworkSpec SPEC = NetworkSpec.builder().weightInit(WeightInitKind.PYTORCH).build();

    @Test
    void weightsAndBiasesFillTheirLayersUniformBoundOfOneOverRootFanIn() {
        MultiLayerNetwork net = Dl4jNetworks.create(SPEC);
        int[] widths = SPEC.layerWidths();
        for (int layer = 0; layer < net.getnLayers(); layer++) {
            double bound = 1 / Math.sqrt(widths[layer]);
            for (String param : new String[] {"W", "b"}) {
                INDArray values = net.getLayer(layer).getParam(param);
                double max = values.amaxNumber().doubleValue();
                assertTrue(max <= bound, "layer " + layer + " " + param + ": " + max + " > " + bound);
                // A uniform draw of 10+ values comes near its bound; a constant or a narrower draw does not.
                assertTrue(max > 0.7 * bound, "layer " + layer + " " + param + " only reaches " + max);
                // Uniform on ±bound has variance bound²/3.
                if (values.length() > 1000) {
                    assertEquals(bound * bound / 3, values.varNumber().doubleValue(), 0.1 * bound * bound / 3,
                            "layer " + layer + " " + param + " variance");
                }
            }
        }
    }

    @Test
    void theSameSeedDrawsTheSameNetworkAndAnotherSeedAnother() {
        INDArray first = Dl4jNetworks.create(SPEC).params();
        assertEquals(first, Dl4jNetworks.create(SPEC).params());
        INDArray other = Dl4jNetworks.create(SPEC.toBuilder().seed(2).build()).params();
        assertTrue(!first.equals(other), "seed 2 draws other weights and biases");
    }

    @Test
    void itIsTypedAsPytorch() {
        assertEquals(WeightInitKind.PYTORCH, WeightInitKind.parse("pytorch"));
        assertEquals("pytorch", Names.typed(WeightInitKind.PYTORCH));
    }
}
