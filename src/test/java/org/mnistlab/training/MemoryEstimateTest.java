package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.testing.TestData;

class MemoryEstimateTest {
    /** The largest network the designer allows: 8 layers of 4096 units, 121 million weights. */
    private static final NetworkSpec WIDEST = NetworkSpec.builder()
            .hiddenLayers(Collections.nCopies(NetworkSpec.MAX_HIDDEN_LAYERS,
                    new HiddenLayer(HiddenLayer.MAX_UNITS, ActivationKind.RELU)))
            .optimizer(OptimizerKind.ADAM).learningRate(1e-3).build();

    @Test
    void notebookNetworkOnFullMnistNeedsAboutHalfAGigabyte() {
        MemoryEstimate estimate = MemoryEstimate.of(NetworkSpec.defaults(), 60_000, 10_000);
        // Images and their shuffled copy dominate: 2 × 60,000 × 794 floats plus the test set.
        assertEquals(412_480_000, estimate.imageBytes());
        assertTrue(estimate.totalBytes() < 500_000_000L, estimate.toString());
        assertDoesNotThrow(() -> estimate.requireAtMost(1_000_000_000L, NetworkSpec.defaults()));
    }

    @Test
    void widestNetworkWithAWholeEpochPerBatchIsRefusedSayingHowMuchItNeeds() {
        NetworkSpec spec = WIDEST.toBuilder().batchSize(60_000).build();
        MemoryEstimate estimate = MemoryEstimate.of(spec, 60_000, 10_000);
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> estimate.requireAtMost(16_000_000_000L, spec));
        assertEquals("batch size", e.field(), "activations for 60,000 examples are the bulk");
        assertTrue(e.getMessage().startsWith("batch size: this run would need about 36.3 GB of memory but only "
                + "about 16.0 GB is free (activations for batches of 60,000: 32.5 GB;"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Try a smaller batch, or fewer or narrower layers."), e.getMessage());
    }

    @Test
    void widestNetworkWithASmallBatchBlamesTheLayers() {
        NetworkSpec spec = WIDEST.toBuilder().batchSize(32).build();
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> MemoryEstimate.of(spec, 60_000, 10_000).requireAtMost(2_000_000_000L, spec));
        assertEquals("layers", e.field());
        assertTrue(e.getMessage().contains("weights, gradients and optimizer state of 784-4096-4096-4096-4096-"
                + "4096-4096-4096-4096-10: 3.4 GB"), e.getMessage());
    }

    /**
     * Surefire runs with -Xmx4g, so JavaCPP's default limit on the process is 16 GB: a run that
     * needs 36 GB is refused on any machine, before a single array is allocated.
     */
    @Test
    void trainerRefusesARunThatCannotFitBeforeAllocatingIt() {
        DigitSet train = TestData.mnist().train();
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> new Trainer(WIDEST.toBuilder().batchSize(60_000).build(), train, TestData.mnist().test()));
        assertTrue(e.getMessage().contains("would need about 36.3 GB"), e.getMessage());
    }

    @Test
    void trainerRefusesABatchLargerThanTheTrainingImagesInTheDesignersWords() {
        NetworkSpec spec = NetworkSpec.builder().batchSize(5_000).build();
        DigitSet train = TestData.mnist().train().first(3_000);
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new Trainer(spec, train, TestData.mnist().test().first(10)));
        assertEquals("batch size: 5,000 is larger than the 3,000 training images", e.getMessage());
    }

    @Test
    void smallRunsFitHere() {
        assertTrue(MemoryEstimate.availableBytes() > MemoryEstimate.of(NetworkSpec.defaults(), 60_000, 10_000)
                .totalBytes(), "available: " + MemoryEstimate.availableBytes());
        assertDoesNotThrow(() -> new Trainer(NetworkSpec.builder().hiddenLayers(List.of()).build(),
                TestData.mnist().train().first(100), TestData.mnist().test().first(10)));
    }

    @org.junit.jupiter.api.Test
    void neededAndFreeMemoryAreNeverPrintedAsTheSameNumber() {
        assertEquals("0.93 GB", MemoryEstimate.gigabytes(930_000_000L, 880_000_000L));
        assertEquals("0.88 GB", MemoryEstimate.gigabytes(880_000_000L, 930_000_000L));
        assertEquals("1.5 GB", MemoryEstimate.gigabytes(1_500_000_000L, 900_000_000L));
    }
}
