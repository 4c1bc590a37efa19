package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitDistorter;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.Normalization;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Augmentation;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.testing.TestData;

class DistortedBatchesTest {
    private static final DigitSet TRAIN = TestData.mnist().train().first(500);
    private static final int BATCH = 50;

    private static DistortedBatches batches(long seed) {
        return new DistortedBatches(TRAIN, Normalization.SCALE_01,
                new DigitDistorter(Augmentation.STRONG.ranges(), seed), seed, BATCH);
    }

    /** Every batch of one epoch as the trainer asks for them, flattened. */
    private static float[] epoch(DistortedBatches source, int epoch, int[] order) {
        float[] all = new float[order.length * DigitSet.PIXELS];
        FloatBuffer into = FloatBuffer.allocate(BATCH * DigitSet.PIXELS);
        source.startEpoch(epoch, order);
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            source.gather(order, from, to, into);
            into.get(0, all, from * DigitSet.PIXELS, (to - from) * DigitSet.PIXELS);
        }
        return all;
    }

    @Test
    void batchesPreparedAheadOnTheWorkerAreTheOnesDrawnFromTheSeed() {
        int[] order = DigitSet.permutation(TRAIN.count(), new Random(1));
        try (DistortedBatches ahead = batches(4); DistortedBatches direct = batches(4)) {
            float[] prepared = epoch(ahead, 1, order);
            direct.startEpoch(1, order);
            assertArrayEquals(direct.rows(order, 0, order.length), prepared,
                    "whichever thread distorts an image, it comes out the same");
        }
    }

    @Test
    void eachEpochDistortsAfreshAndTheSameSeedRepeatsTheRun() {
        int[] order = DigitSet.permutation(TRAIN.count(), new Random(1));
        try (DistortedBatches first = batches(4); DistortedBatches again = batches(4)) {
            float[] epoch1 = epoch(first, 1, order);
            float[] epoch2 = epoch(first, 2, order);
            assertFalse(Arrays.equals(epoch1, epoch2), "epoch 2 sees other distortions of the same images");
            assertArrayEquals(epoch1, epoch(again, 1, order));
            assertArrayEquals(epoch2, epoch(again, 2, order));
        }
    }

    @Test
    void theStoredImagesAreNeverWrittenTo() {
        byte[] before = TRAIN.pixels().clone();
        try (DistortedBatches source = batches(2)) {
            epoch(source, 1, DigitSet.permutation(TRAIN.count(), new Random(3)));
        }
        assertArrayEquals(before, TRAIN.pixels());
    }

    @Test
    void aDistortedRunIsMeasuredOnTheUndistortedTestSet() {
        DigitSet train = TestData.mnist().train().first(3000);
        DigitSet test = TestData.mnist().test().first(500);
        byte[] testPixels = test.pixels().clone();
        NetworkSpec spec = NetworkSpec.builder().hiddenLayers(List.of(new HiddenLayer(32, ActivationKind.RELU)))
                .learningRate(0.1).epochs(2).augmentation(Augmentation.GENTLE).build();
        TrainingOutcome outcome = new Trainer(spec, train, test).run(TrainingListener.NONE, new TrainingControl());
        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status(), outcome.message());
        assertArrayEquals(testPixels, test.pixels());
        double reported = outcome.lastEvaluation().testAccuracy();
        assertEquals(Evaluator.evaluate(outcome.model(), test).accuracy(), reported, 1e-9,
                "the accuracy the run reports is the plain test set's");
        assertTrue(reported > 0.7, "it learns from distorted digits: " + reported);
    }
}
