package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The fast path against DL4J itself: from the same starting weights and the same batch, the same
 * gradients, the same updates (SGD and Adam, moments included) and the same dropout.
 */
class FastPathTest {
    private static final int BATCH = 32;
    private static DigitSet images;
    /** Every supported activation, so each forward and derivative is checked. */
    private static final NetworkSpec MIXED = NetworkSpec.builder()
            .hiddenLayers(List.of(new HiddenLayer(24, ActivationKind.RELU),
                    new HiddenLayer(16, ActivationKind.TANH), new HiddenLayer(12, ActivationKind.SIGMOID),
                    new HiddenLayer(10, ActivationKind.LEAKY_RELU), new HiddenLayer(8, ActivationKind.IDENTITY)))
            .batchSize(BATCH).learningRate(0.1).build();

    @BeforeAll
    static void data() {
        images = TestData.mnist().train().first(4 * BATCH);
    }

    private static INDArray features(NetworkSpec spec) {
        return images.features(spec.normalization());
    }

    private static int[] identity() {
        return IntStream.range(0, images.count()).toArray();
    }

    private static DataSet batch(NetworkSpec spec, int index) {
        int from = index * BATCH;
        DigitSet part = images.slice(from, from + BATCH);
        return new DataSet(part.features(spec.normalization()), part.oneHotLabels());
    }

    private static FastPath fastPath(NetworkSpec spec, MultiLayerNetwork network) {
        return new FastPath(spec, network, features(spec), images.labels(), null);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double scale = Math.max(1e-3, expected.norm2Number().doubleValue());
        double difference = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(difference <= tolerance * scale, what + ": relative difference " + difference / scale);
    }

    @Test
    void gradientsAndLossMatchDl4jForEveryActivation() {
        NetworkSpec spec = MIXED.toBuilder().optimizer(OptimizerKind.ADAM).build(); // SGD never forms the gradient alone
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        MultiLayerNetwork trained = Dl4jNetworks.create(spec);
        assertEquals(reference.params(), trained.params(), "same seed, same starting weights");

        DataSet first = batch(spec, 0);
        reference.setInput(first.getFeatures());
        reference.setLabels(first.getLabels());
        reference.computeGradientAndScore();
        INDArray expected = reference.gradient().gradient();

        try (FastPath path = fastPath(spec, trained)) {
            double loss = path.step(identity(), 0, BATCH);
            assertEquals(reference.score(), loss, 1e-5);
            // Mean over the batch, as the updater sees it: DL4J divides by the batch size there.
            assertClose(expected.div(BATCH), path.lastGradient(), 1e-4, "gradient");
        }
    }

    @Test
    void sgdStepsMoveTheWeightsExactlyAsDl4jFit() {
        assertSameTrajectory(MIXED, 4);
    }

    @Test
    void adamStepsMatchDl4jFitIncludingItsMomentsAndIterationCount() {
        NetworkSpec spec = MIXED.toBuilder().optimizer(OptimizerKind.ADAM).learningRate(1e-3).build();
        MultiLayerNetwork fast = assertSameTrajectory(spec, 4);
        assertEquals(4, fast.getIterationCount(), "a saved model continues Adam's bias correction from here");
    }

    @Test
    void learningRateChangeMidRunMatchesDl4j() {
        NetworkSpec spec = MIXED.toBuilder().optimizer(OptimizerKind.ADAM).learningRate(1e-3).build();
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        MultiLayerNetwork trained = Dl4jNetworks.create(spec);
        try (FastPath path = fastPath(spec, trained)) {
            for (int i = 0; i < 4; i++) {
                if (i == 2) {
                    reference.setLearningRate(0.02);
                    path.setLearningRate(0.02);
                }
                reference.fit(batch(spec, i));
                path.step(identity(), i * BATCH, (i + 1) * BATCH);
            }
        }
        assertClose(reference.params(), trained.params(), 1e-4, "weights after a learning-rate change");
    }

    /** Runs {@code steps} batches through DL4J's fit and through the fast path; returns the fast one. */
    private static MultiLayerNetwork assertSameTrajectory(NetworkSpec spec, int steps) {
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        MultiLayerNetwork trained = Dl4jNetworks.create(spec);
        INDArray start = trained.params().dup();
        try (FastPath path = fastPath(spec, trained)) {
            for (int i = 0; i < steps; i++) {
                reference.fit(batch(spec, i));
                double loss = path.step(identity(), i * BATCH, (i + 1) * BATCH);
                assertEquals(reference.score(), loss, 1e-4, "loss of step " + i);
            }
        }
        assertTrue(start.sub(trained.params()).norm2Number().doubleValue() > 1e-3, "the weights moved");
        assertClose(reference.params(), trained.params(), 1e-4, "weights after " + steps + " steps");
        INDArray expectedState = reference.getUpdater().getStateViewArray();
        if (expectedState != null) {
            assertClose(expectedState, trained.getUpdater().getStateViewArray(), 1e-4, "updater state");
        }
        return trained;
    }

    @Test
    void dropoutMatchesDl4jGivenTheSameMasks() {
        NetworkSpec spec = MIXED.toBuilder().dropout(0.3).build();
        MultiLayerNetwork trained = Dl4jNetworks.create(spec);
        MultiLayerConfiguration configuration = Dl4jNetworks.configuration(spec);
        int layers = spec.layerWidths().length - 1;
        List<INDArray> masks = new ArrayList<>();
        try (FastPath path = fastPath(spec, trained)) {
            path.step(identity(), 0, BATCH);
            for (int l = 1; l < layers; l++) masks.add(path.lastDropoutMask(l, BATCH).dup());
        }
        assertEquals(null, configuration.getConf(0).getLayer().getIDropout(), "pixels are never dropped");
        for (int l = 1; l < layers; l++) {
            INDArray mask = masks.get(l - 1);
            double kept = mask.neq(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
            assertEquals(0.7, kept, 0.15, "share of units kept in layer " + l);
            assertEquals(1 / 0.7, mask.maxNumber().doubleValue(), 1e-5, "kept units are scaled by 1/keep");
            configuration.getConf(l).getLayer().setIDropout(new FixedMask(mask));
        }
        MultiLayerNetwork reference = new MultiLayerNetwork(configuration);
        reference.init();
        reference.fit(batch(spec, 0));
        assertClose(reference.params(), trained.params(), 1e-4, "weights after one step with dropout");
    }

    /** DL4J dropout that applies a given mask, to replay the fast path's random draw. */
    private record FixedMask(INDArray mask) implements IDropout {
        @Override
        public INDArray applyDropout(INDArray input, INDArray result, int iteration, int epoch,
                LayerWorkspaceMgr workspaces) {
            return result.assign(input.mul(mask));
        }

        @Override
        public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
            return gradAtInput.assign(gradAtOutput.mul(mask));
        }

        @Override
        public void clear() {}

        @Override
        public IDropout clone() {
            return this;
        }
    }

    @Test
    void bothEnginesGiveTheSameCurveAndAccuracy() {
        NetworkSpec spec = NetworkSpec.builder().optimizer(OptimizerKind.ADAM).learningRate(1e-3)
                .epochs(2).batchSize(50).build();
        DigitSet train = TestData.mnist().train().first(1000);
        DigitSet test = TestData.mnist().test().first(300);
        TrainerTest.Recorder fast = new TrainerTest.Recorder();
        TrainerTest.Recorder dl4j = new TrainerTest.Recorder();
        Trainer trainer = new Trainer(spec, train, test);
        assertEquals("fast path", trainer.engineDescription());
        trainer.run(fast, new TrainingControl());
        trainer.withEngine(Trainer.Engine.DL4J).run(dl4j, new TrainingControl());
        assertEquals(dl4j.batches.size(), fast.batches.size());
        for (int i = 0; i < fast.batches.size(); i++) {
            assertEquals(dl4j.batches.get(i).loss(), fast.batches.get(i).loss(), 1e-3, "batch " + i);
        }
        assertEquals(dl4j.epochs.get(1).testAccuracy(), fast.epochs.get(1).testAccuracy(), 0.005);
    }

    /**
     * The copy a listener takes after each epoch (the drawing pad's model, a model saved mid-run)
     * must carry Adam's moments and iteration count so far, as a copy taken under DL4J's fit does.
     */
    @Test
    void epochModelCarriesAdamStateAndIterationCountAsDl4jFitWould() {
        NetworkSpec spec = NetworkSpec.builder().optimizer(OptimizerKind.ADAM).learningRate(1e-3)
                .epochs(2).batchSize(BATCH).build();
        Trainer trainer = new Trainer(spec, images, images);
        assertEquals("fast path", trainer.engineDescription());
        List<MultiLayerNetwork> fast = new ArrayList<>();
        List<MultiLayerNetwork> dl4j = new ArrayList<>();
        TrainingOutcome outcome = trainer.run(epochModelsInto(fast), new TrainingControl());
        trainer.withEngine(Trainer.Engine.DL4J).run(epochModelsInto(dl4j), new TrainingControl());

        int batchesPerEpoch = images.count() / BATCH;
        for (int epoch = 0; epoch < 2; epoch++) {
            MultiLayerNetwork copy = fast.get(epoch);
            assertEquals((epoch + 1) * batchesPerEpoch, copy.getIterationCount(), "iterations, epoch " + epoch);
            assertEquals(dl4j.get(epoch).getIterationCount(), copy.getIterationCount());
            INDArray state = copy.getUpdater().getStateViewArray();
            assertTrue(state.norm2Number().doubleValue() > 0, "Adam's moments after epoch " + epoch);
            assertClose(dl4j.get(epoch).getUpdater().getStateViewArray(), state, 1e-4,
                    "updater state after epoch " + epoch);
        }
        assertEquals(outcome.model().network().getUpdater().getStateViewArray(),
                fast.get(1).getUpdater().getStateViewArray(), "the last copy has the trained network's state");
    }

    /** A listener that takes the copy offered after each epoch, as the window does. */
    private static TrainingListener epochModelsInto(List<MultiLayerNetwork> copies) {
        return new TrainingListener() {
            @Override
            public void onEpochModel(java.util.function.Supplier<TrainedModel> copy) {
                copies.add(copy.get().network());
            }
        };
    }

    @Test
    void specsTheFastPathDoesNotCoverTrainWithDl4jAndSayWhy() {
        NetworkSpec nadam = NetworkSpec.builder().optimizer(OptimizerKind.NADAM).epochs(1).build();
        Trainer trainer = new Trainer(nadam, images, images);
        assertEquals("DL4J fit (the fast path does not support the Nadam optimizer)", trainer.engineDescription());
        NetworkSpec gelu = NetworkSpec.builder().hiddenLayers(List.of(new HiddenLayer(8, ActivationKind.GELU))).build();
        assertEquals("the GELU activation", FastPath.unsupportedReason(gelu));
        TrainingOutcome outcome = trainer.run(TrainingListener.NONE, new TrainingControl());
        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status());
    }

    @Test
    void modelTrainedOnTheFastPathSavesAndLoadsAsADl4jModel(@TempDir Path dir) {
        NetworkSpec spec = NetworkSpec.builder().optimizer(OptimizerKind.ADAM).learningRate(1e-3)
                .epochs(1).batchSize(BATCH).build();
        TrainedModel model = new Trainer(spec, images, images).run(TrainingListener.NONE, new TrainingControl()).model();
        assertEquals(images.count() / BATCH, model.network().getIterationCount());
        Path file = dir.resolve("fast.zip");
        ModelFile.save(model, null, file);
        TrainedModel loaded = ModelFile.load(file);
        float[] digit = images.intensities(0);
        assertArrayEquals(model.probabilities(digit), loaded.probabilities(digit), 0f);
    }
}
