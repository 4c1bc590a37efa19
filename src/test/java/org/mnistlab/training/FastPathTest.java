package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.network.WeightInitKind;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The fast path against DL4J itself: from the same starting weights and the same batches, the same
 * loss, gradients, weights and optimiser state after several steps, for every optimiser, every
 * activation, L2, dropout, a scheduled learning rate, and in the model file saved mid-run.
 */
class FastPathTest {
    private static final int BATCH = 32;
    private static final int STEPS = 4;
    private static DigitSet images;
    /** Every activation that fits in one spec's eight layers; ELU, GELU, SELU and Swish get their own tests too. */
    private static final NetworkSpec MIXED = NetworkSpec.builder().hiddenLayers(List.of(new HiddenLayer(24, ActivationKind.RELU),
                    new HiddenLayer(16, ActivationKind.TANH), new HiddenLayer(12, ActivationKind.SIGMOID),
                    new HiddenLayer(10, ActivationKind.LEAKY_RELU), new HiddenLayer(12, ActivationKind.ELU),
                    new HiddenLayer(10, ActivationKind.GELU), new HiddenLayer(10, ActivationKind.SELU),
                    new HiddenLayer(8, ActivationKind.SWISH)))
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

    private static NetworkSpec withActivation(ActivationKind kind) {
        return MIXED.toBuilder().hiddenLayers(List.of(new HiddenLayer(24, kind), new HiddenLayer(16, kind))).build();
    }

    /** The loss (the forward values) and the gradient (the derivatives) of one batch, as DL4J computes them. */
    private static void assertSameLossAndGradient(NetworkSpec spec) {
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        MultiLayerNetwork trained = Dl4jNetworks.create(spec);
        assertEquals(reference.params(), trained.params(), "same seed, same starting weights");

        DataSet first = batch(spec, 0);
        reference.setInput(first.getFeatures());
        reference.setLabels(first.getLabels());
        reference.computeGradientAndScore();
        // Mean over the batch, as the updater sees it (DL4J divides by the batch size there), plus
        // L2's l2·W on the weights, which DL4J's updater adds before it applies the rule.
        INDArray expected = reference.gradient().gradient().div(BATCH);
        if (spec.l2() > 0) {
            INDArray weightsOnly = reference.params().dup();
            ParameterLayout layout = ParameterLayout.of(spec.layerWidths());
            for (int l = 0; l < layout.layers(); l++) {
                for (int b = 0; b < layout.outputs(l); b++) weightsOnly.putScalar(layout.biasOffset()[l] + b, 0);
            }
            expected.addi(weightsOnly.mul(spec.l2()));
        }

        try (FastPath path = fastPath(spec, trained)) {
            double loss = path.step(identity(), 0, BATCH);
            assertEquals(reference.score(), loss, 1e-5, "loss");
            assertClose(expected, path.lastGradient(), 1e-4, "gradient");
        }
    }

    @Test
    void lossAndGradientMatchDl4jThroughEightDifferentActivations() {
        assertSameLossAndGradient(MIXED.toBuilder().optimizer(OptimizerKind.ADAM).build()); // SGD never forms the gradient alone
    }

    @ParameterizedTest
    @EnumSource(ActivationKind.class)
    void eachActivationsForwardAndDerivativeMatchDl4j(ActivationKind kind) {
        assertSameLossAndGradient(withActivation(kind).toBuilder().optimizer(OptimizerKind.ADAM).build());
        assertSameTrajectory(withActivation(kind), STEPS);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void eachOptimizerMovesWeightsAndStateExactlyAsDl4jFit(OptimizerKind kind) {
        NetworkSpec spec = MIXED.toBuilder().optimizer(kind)
                .learningRate(org.mnistlab.training.optimizers.OptimizerTest.learningRate(kind)).build();
        MultiLayerNetwork fast = assertSameTrajectory(spec, STEPS);
        assertEquals(STEPS, fast.getIterationCount(), "a saved model continues bias corrections from here");
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"SGD", "ADAM", "NESTEROV"})
    void l2IsAddedToTheWeightGradientAndTheLossAsDl4jDoes(OptimizerKind kind) {
        NetworkSpec spec = withActivation(ActivationKind.RELU).toBuilder().optimizer(kind)
                .learningRate(org.mnistlab.training.optimizers.OptimizerTest.learningRate(kind)).l2(0.01).build();
        MultiLayerNetwork withL2 = assertSameTrajectory(spec, STEPS);
        MultiLayerNetwork without = assertSameTrajectory(spec.toBuilder().l2(0).build(), STEPS);
        assertTrue(withL2.params().distance2(without.params()) > 1e-4, "L2 changed the weights");
        if (kind == OptimizerKind.ADAM) assertSameLossAndGradient(spec);
    }

    /** The fast path trains whatever weights DL4J drew; every initialisation starts it from them. */
    @ParameterizedTest
    @EnumSource(WeightInitKind.class)
    void everyWeightInitialisationTrainsAsDl4jFitDoes(WeightInitKind init) {
        assertSameTrajectory(withActivation(ActivationKind.TANH).toBuilder().weightInit(init).build(), STEPS);
    }

    @Test
    void learningRateChangeMidRunMatchesDl4j() {
        NetworkSpec spec = MIXED.toBuilder().optimizer(OptimizerKind.ADAM).learningRate(1e-3).build();
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        MultiLayerNetwork trained = Dl4jNetworks.create(spec);
        try (FastPath path = fastPath(spec, trained)) {
            for (int i = 0; i < STEPS; i++) {
                if (i == 2) {
                    reference.setLearningRate(0.02);
                    trained.setLearningRate(0.02); // the fast path reads it from the network's updater config
                }
                reference.fit(batch(spec, i));
                path.step(identity(), i * BATCH, (i + 1) * BATCH);
            }
        }
        assertClose(reference.params(), trained.params(), 1e-4, "weights after a learning-rate change");
        assertClose(reference.getUpdater().getStateViewArray(), trained.getUpdater().getStateViewArray(), 1e-4,
                "Adam's moments, in the updater DL4J rebuilt for the new rate");
    }

    @ParameterizedTest
    @EnumSource(ScheduleType.class)
    void aScheduledLearningRateIsFollowedStepByStepAsDl4jFollowsIt(ScheduleType type) {
        ISchedule halving = new StepSchedule(type, 0.05, 0.5, 1);
        NetworkSpec spec = MIXED.toBuilder().optimizer(OptimizerKind.NESTEROV).build();
        Function<NetworkSpec, MultiLayerNetwork> scheduled = s -> {
            MultiLayerConfiguration configuration = Dl4jNetworks.configuration(s);
            for (int l = 0; l < configuration.getConfs().size(); l++) {
                ((BaseLayer) configuration.getConf(l).getLayer()).setIUpdater(new Nesterovs(halving, 0.9));
            }
            MultiLayerNetwork network = new MultiLayerNetwork(configuration);
            network.init();
            return network;
        };
        MultiLayerNetwork reference = scheduled.apply(spec);
        MultiLayerNetwork trained = scheduled.apply(spec);
        MultiLayerNetwork unscheduled = Dl4jNetworks.create(spec.toBuilder().learningRate(0.05).build());
        try (FastPath path = fastPath(spec, trained)) {
            for (int i = 0; i < STEPS; i++) {
                reference.fit(batch(spec, i));
                unscheduled.fit(batch(spec, i));
                path.step(identity(), i * BATCH, (i + 1) * BATCH);
                reference.incrementEpochCount(); // one "epoch" per batch, so an epoch schedule moves too
                trained.incrementEpochCount();
                unscheduled.incrementEpochCount();
            }
        }
        assertTrue(reference.params().distance2(unscheduled.params()) > 1e-4, "the schedule made a difference");
        assertClose(reference.params(), trained.params(), 1e-4, "weights under a " + type + " schedule");
        assertClose(reference.getUpdater().getStateViewArray(), trained.getUpdater().getStateViewArray(), 1e-4,
                "velocity under a " + type + " schedule");
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
        String what = spec.optimizer() + ", " + spec.hiddenLayers().get(0).activation() + ", L2 " + spec.l2();
        assertTrue(start.sub(trained.params()).norm2Number().doubleValue() > 1e-3, "the weights moved");
        assertClose(reference.params(), trained.params(), 1e-4, "weights after " + steps + " steps, " + what);
        INDArray expectedState = reference.getUpdater().getStateViewArray();
        if (expectedState != null) {
            assertClose(expectedState, trained.getUpdater().getStateViewArray(), 1e-4, "updater state, " + what);
        }
        assertEquals(reference.getIterationCount(), trained.getIterationCount(), "iteration count");
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
        assertNull(configuration.getConf(0).getLayer().getIDropout(), "pixels are never dropped");
        for (int l = 1; l < layers; l++) {
            INDArray mask = masks.get(l - 1);
            double kept = mask.neq(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
            assertEquals(0.7, kept, 0.2, "share of units kept in layer " + l);
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

    /** Same spec and seed: every batch's loss within 1e-3 and the test accuracy within half a point. */
    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void bothEnginesGiveTheSameCurveAndAccuracy(OptimizerKind kind) {
        NetworkSpec spec = NetworkSpec.builder().optimizer(kind)
                .learningRate(org.mnistlab.training.optimizers.OptimizerTest.learningRate(kind))
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
            assertEquals(dl4j.batches.get(i).loss(), fast.batches.get(i).loss(), 1e-3, kind + ", batch " + i);
        }
        assertEquals(dl4j.epochs.get(1).testAccuracy(), fast.epochs.get(1).testAccuracy(), 0.005);
    }

    /**
     * The copy a listener takes after each epoch (the drawing pad's model, a model saved mid-run)
     * carries the optimiser's state and the iteration and epoch counts so far, as a copy taken under
     * DL4J's fit does, and so does the model file written from it.
     */
    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void aModelSavedMidRunHoldsTheOptimizerStateDl4jWouldHold(OptimizerKind kind, @TempDir Path dir)
            throws IOException {
        NetworkSpec spec = NetworkSpec.builder().optimizer(kind)
                .learningRate(org.mnistlab.training.optimizers.OptimizerTest.learningRate(kind))
                .epochs(2).batchSize(BATCH).build();
        Trainer trainer = new Trainer(spec, images, images);
        assertEquals("fast path", trainer.engineDescription());
        List<TrainedModel> fast = new ArrayList<>();
        List<TrainedModel> dl4j = new ArrayList<>();
        TrainingOutcome outcome = trainer.run(epochModelsInto(fast), new TrainingControl());
        trainer.withEngine(Trainer.Engine.DL4J).run(epochModelsInto(dl4j), new TrainingControl());

        int batchesPerEpoch = images.count() / BATCH;
        for (int epoch = 0; epoch < 2; epoch++) {
            MultiLayerNetwork copy = fast.get(epoch).network();
            assertEquals((epoch + 1) * batchesPerEpoch, copy.getIterationCount(), "iterations, epoch " + epoch);
            assertEquals(dl4j.get(epoch).network().getIterationCount(), copy.getIterationCount());
            assertEquals(epoch + 1, copy.getEpochCount(), "epochs counted");
            INDArray state = copy.getUpdater().getStateViewArray();
            INDArray expected = dl4j.get(epoch).network().getUpdater().getStateViewArray();
            if (kind == OptimizerKind.SGD) {
                assertNull(state, "plain SGD keeps no state");
                continue;
            }
            assertTrue(state.norm2Number().doubleValue() > 0, kind + " state after epoch " + epoch);
            assertClose(expected, state, 1e-4, kind + " state after epoch " + epoch);
        }
        Path file = dir.resolve("mid-run.zip");
        ModelFile.save(fast.get(0), null, file);
        MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        INDArray expected = dl4j.get(0).network().getUpdater().getStateViewArray();
        if (expected != null) {
            assertClose(expected, saved.getUpdater().getStateViewArray(), 1e-4, kind + " state in the model file");
        }
        assertEquals(batchesPerEpoch, saved.getIterationCount(), "iterations in the model file");
        if (outcome.model().network().getUpdater().getStateViewArray() != null) {
            assertEquals(outcome.model().network().getUpdater().getStateViewArray(),
                    fast.get(1).network().getUpdater().getStateViewArray(),
                    "the last copy has the trained network's state");
        }
    }

    /** A listener that takes the copy offered after each epoch, as the window does. */
    private static TrainingListener epochModelsInto(List<TrainedModel> copies) {
        return new TrainingListener() {
            @Override
            public void onEpochModel(java.util.function.Supplier<TrainedModel> copy) {
                copies.add(copy.get());
            }
        };
    }

    @Test
    void everyOptimizerAndActivationTrainsOnTheFastPathOnTheCpu() {
        for (OptimizerKind optimizer : OptimizerKind.values()) {
            for (ActivationKind activation : ActivationKind.values()) {
                NetworkSpec spec = withActivation(activation).toBuilder().optimizer(optimizer).l2(1e-4)
                        .dropout(0.2).build();
                assertNull(FastPath.unsupportedReason(spec), optimizer + " with " + activation);
                assertEquals("fast path", new Trainer(spec, images, images).engineDescription());
            }
        }
        assertEquals("DL4J fit", new Trainer(MIXED, images, images).withEngine(Trainer.Engine.DL4J)
                .engineDescription());
    }

    @Test
    void modelTrainedOnTheFastPathSavesAndLoadsAsADl4jModel(@TempDir Path dir) {
        NetworkSpec spec = NetworkSpec.builder().optimizer(OptimizerKind.MOMENTUM).learningRate(0.05)
                .epochs(1).batchSize(BATCH).build();
        TrainedModel model = new Trainer(spec, images, images).run(TrainingListener.NONE, new TrainingControl()).model();
        assertEquals(images.count() / BATCH, model.network().getIterationCount());
        Path file = dir.resolve("fast.zip");
        ModelFile.save(model, null, file);
        TrainedModel loaded = ModelFile.load(file);
        float[] digit = images.intensities(0);
        assertArrayEquals(model.probabilities(digit), loaded.probabilities(digit), 0f);
        IUpdater updater = ((BaseLayer) loaded.network().getLayer(0).conf().getLayer()).getIUpdater();
        assertEquals(spec.optimizer().updater(0.05, spec.momentum()), updater, "classic momentum survives the file");
    }
}
