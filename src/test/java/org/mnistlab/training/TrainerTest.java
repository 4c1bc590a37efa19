package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.testing.TestData;

class TrainerTest {
    private static DigitSet train;
    private static DigitSet test;
    private static final NetworkSpec SMALL = NetworkSpec.builder()
            .hiddenLayers(List.of(new HiddenLayer(64, ActivationKind.RELU)))
            .learningRate(0.1).epochs(2).batchSize(50).build();

    @BeforeAll
    static void data() {
        train = TestData.mnist().train().first(5000);
        test = TestData.mnist().test().first(1000);
    }

    /** Records every event, as a UI would. */
    static final class Recorder implements TrainingListener {
        final List<BatchProgress> batches = new ArrayList<>();
        final List<EvaluationPoint> evaluations = new ArrayList<>();
        final List<EpochSummary> epochs = new ArrayList<>();
        final List<Double> rateChanges = new ArrayList<>();
        private final Consumer<BatchProgress> afterEachBatch;

        Recorder() {
            this(p -> {});
        }

        /** Also hands each batch, once recorded, to {@code afterEachBatch}: to stop, pause or steer. */
        Recorder(Consumer<BatchProgress> afterEachBatch) {
            this.afterEachBatch = afterEachBatch;
        }

        @Override
        public void onBatch(BatchProgress p) {
            batches.add(p);
            afterEachBatch.accept(p);
        }

        @Override
        public void onEvaluation(EvaluationPoint p) {
            evaluations.add(p);
        }

        @Override
        public void onEpochEnd(EpochSummary s) {
            epochs.add(s);
        }

        @Override
        public void onLearningRateChanged(long examplesSeen, double learningRate) {
            rateChanges.add(learningRate);
        }
    }

    @Test
    void shortTrainingOnFiveThousandImagesClearlyLearns() {
        Recorder events = new Recorder();
        TrainingOutcome outcome = new Trainer(SMALL, train, test, 40).run(events, new TrainingControl());

        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status());
        assertEquals(2, outcome.epochsCompleted());
        assertTrue(outcome.lastEvaluation().testAccuracy() > 0.85,
                "chance is 0.10; got " + outcome.lastEvaluation().testAccuracy());
        assertEquals(200, events.batches.size(), "2 epochs × 100 batches of 50");
        assertEquals(10_000, events.batches.get(199).examplesSeen());
        assertEquals(2, events.epochs.size());
        // Mid-epoch checks at batches 40 and 80, plus one at each epoch end.
        assertEquals(6, events.evaluations.size());
        double firstLoss = events.batches.get(0).loss();
        double lastLoss = events.epochs.get(1).trainLoss();
        assertTrue(lastLoss < firstLoss / 3, "loss fell from " + firstLoss + " to " + lastLoss);
    }

    @Test
    void sameSpecAndSeedGiveTheSameCurve() {
        NetworkSpec spec = SMALL.toBuilder().epochs(1).build();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        new Trainer(spec, train.first(1000), test.first(200)).run(a, new TrainingControl());
        new Trainer(spec, train.first(1000), test.first(200)).run(b, new TrainingControl());
        for (int i = 0; i < a.batches.size(); i++) {
            assertEquals(a.batches.get(i).loss(), b.batches.get(i).loss(), 1e-4, "batch " + i);
        }
        Recorder other = new Recorder();
        new Trainer(spec.toBuilder().seed(2).build(), train.first(1000), test.first(200)).run(other, new TrainingControl());
        assertTrue(Math.abs(a.batches.get(0).loss() - other.batches.get(0).loss()) > 1e-6,
                "another seed gives other starting weights");
    }

    @Test
    void hugeLearningRateIsReportedAsDivergedWithAdvice() {
        NetworkSpec spec = SMALL.toBuilder().learningRate(50).epochs(3).build();
        TrainingOutcome outcome = new Trainer(spec, train, test).run(TrainingListener.NONE, new TrainingControl());
        assertEquals(TrainingOutcome.Status.DIVERGED, outcome.status());
        assertTrue(outcome.message().startsWith("The loss "), outcome.message());
        assertTrue(outcome.message().contains("at epoch 1, batch "), outcome.message());
        assertTrue(outcome.examplesSeen() <= (DivergenceDetector.PATIENCE + 10) * 50,
                "caught once the loss has stayed up for the detector's patience, not at the end: "
                        + outcome.examplesSeen());
        assertTrue(outcome.message().contains("You could try 5, a tenth of the rate that blew up (50)"), outcome.message());
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = "ADADELTA", mode = EnumSource.Mode.EXCLUDE) // it has no rate
    void everyOptimizerOnTheFastPathStopsAsDivergedWithTheSameAdvice(OptimizerKind kind) {
        NetworkSpec spec = SMALL.toBuilder().optimizer(kind).learningRate(100).epochs(3).build();
        Trainer trainer = new Trainer(spec, train, test);
        assertEquals("fast path", trainer.engineDescription());
        TrainingOutcome outcome = trainer.run(TrainingListener.NONE, new TrainingControl());
        assertEquals(TrainingOutcome.Status.DIVERGED, outcome.status(), kind.toString());
        assertTrue(outcome.message().startsWith("The loss "), outcome.message());
        assertTrue(outcome.message().contains("You could try 10, a tenth of the rate that blew up (100)"), outcome.message());
    }

    @Test
    void aValidationSplitHoldsImagesOutAndMeasuresThemWithTrainingAccuracy() {
        NetworkSpec spec = SMALL.toBuilder().validationImages(1000).build();
        Recorder events = new Recorder();
        TrainingOutcome outcome = new Trainer(spec, train, test).run(events, new TrainingControl());
        assertEquals(2 * 80, events.batches.size(), "2 epochs × 4,000 training images / 50 (1,000 held out)");
        for (EpochSummary epoch : events.epochs) {
            assertTrue(epoch.validationAccuracy() > 0.7, "validation accuracy " + epoch.validationAccuracy());
            assertTrue(epoch.validationLoss() > 0 && epoch.validationLoss() < 2.3, "validation loss " + epoch.validationLoss());
            assertTrue(epoch.trainAccuracy() > 0.7, "train accuracy " + epoch.trainAccuracy());
        }
        EvaluationPoint best = outcome.bestValidation();
        double bestSeen = events.epochs.stream().mapToDouble(EpochSummary::validationAccuracy).max().orElseThrow();
        assertEquals(bestSeen, best.validationAccuracy(), "the best epoch's accuracy");
        assertEquals(bestSeen, events.epochs.get(best.epoch() - 1).validationAccuracy(), "and its epoch");
        TrainingOutcome without = new Trainer(SMALL.toBuilder().epochs(1).build(), train, test)
                .run(TrainingListener.NONE, new TrainingControl());
        assertNull(without.bestValidation());
        assertFalse(without.lastEvaluation().hasValidation());
    }

    @Test
    void earlyStoppingEndsAnOverfittingRunAndKeepsItsBestEpoch() {
        // 300 images, 40 epochs at a brisk rate: the validation loss turns up after a few epochs.
        NetworkSpec spec = SMALL.toBuilder().hiddenLayers(List.of(new HiddenLayer(128, ActivationKind.RELU)))
                .learningRate(0.3).batchSize(20).epochs(40).validationImages(200).patience(2).build();
        Recorder events = new Recorder();
        TrainingOutcome outcome = new Trainer(spec, train.first(500), test).run(events, new TrainingControl());
        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status());
        assertTrue(outcome.stoppedEarly(), "40 epochs on 300 images overfit: " + outcome.message());
        assertTrue(outcome.stoppedEarlyAt() < 40);
        assertEquals(outcome.stoppedEarlyAt(), events.epochs.size(), "no epoch after the stop");
        assertEquals(outcome.stoppedEarlyAt() - 2, outcome.restoredEpoch(), "patience 2: best two epochs before");
        double bestLoss = events.epochs.stream().mapToDouble(EpochSummary::validationLoss).min().orElseThrow();
        assertEquals(bestLoss, events.epochs.get(outcome.restoredEpoch() - 1).validationLoss());
        assertTrue(outcome.message().startsWith("Stopped early at epoch " + outcome.stoppedEarlyAt()
                + ", best at epoch " + outcome.restoredEpoch()), outcome.message());
        // The model handed back is the best epoch's, not the last one's.
        double restoredAccuracy = events.epochs.get(outcome.restoredEpoch() - 1).testAccuracy();
        assertEquals(restoredAccuracy, org.mnistlab.evaluation.Evaluator.evaluate(outcome.model(), test).accuracy(), 1e-9);
        assertEquals(restoredAccuracy, outcome.lastEvaluation().testAccuracy());
    }

    @Test
    void cancelStopsWithinOneBatch() {
        TrainingControl control = new TrainingControl();
        Recorder events = new Recorder(p -> {
            if (p.batch() == 7) control.cancel();
        });
        TrainingOutcome outcome = new Trainer(SMALL, train, test).run(events, control);
        assertEquals(TrainingOutcome.Status.CANCELLED, outcome.status());
        assertEquals(7, events.batches.size(), "no batch runs after the one during which Stop came");
        assertTrue(outcome.model() != null);
    }

    @Test
    void learningRateChangeTakesEffectFromTheNextBatch() {
        TrainingControl control = new TrainingControl();
        Recorder events = new Recorder(p -> {
            if (p.batch() == 3) control.requestLearningRate(0.01);
        });
        new Trainer(SMALL.toBuilder().epochs(1).build(), train.first(500), test.first(100)).run(events, control);
        assertEquals(0.1, events.batches.get(2).learningRate(), 0);
        assertEquals(0.01, events.batches.get(3).learningRate(), 0);
        assertEquals(List.of(0.01), events.rateChanges);
    }

    @Test
    void learningRateChangeReachesTheFastPathAsItReachesDl4jFit() {
        assertEquals("fast path", new Trainer(SMALL, train, test).engineDescription());
        List<Double> fast = lossesWithRateChangeAtBatch3(Trainer.Engine.AUTO, 0.01);
        List<Double> dl4j = lossesWithRateChangeAtBatch3(Trainer.Engine.DL4J, 0.01);
        List<Double> unchanged = lossesWithRateChangeAtBatch3(Trainer.Engine.AUTO, 0.1);
        for (int i = 0; i < fast.size(); i++) {
            assertEquals(dl4j.get(i), fast.get(i), 1e-3, "batch " + i);
        }
        assertTrue(Math.abs(unchanged.get(9) - fast.get(9)) > 1e-2, "the change makes a visible difference");
    }

    private static List<Double> lossesWithRateChangeAtBatch3(Trainer.Engine engine, double newRate) {
        TrainingControl control = new TrainingControl();
        Recorder events = new Recorder(p -> {
            if (p.batch() == 3) control.requestLearningRate(newRate);
        });
        new Trainer(SMALL.toBuilder().epochs(1).build(), train.first(500), test.first(100)).withEngine(engine).run(events, control);
        return events.batches.stream().map(BatchProgress::loss).toList();
    }

    @Test
    void pausedRunWaitsUntilResumed() throws Exception {
        TrainingControl control = new TrainingControl();
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        Recorder events = new Recorder(p -> {
            if (p.batch() == 2 && p.epoch() == 1) {
                control.pause();
                paused.countDown();
            }
        });
        Thread worker = new Thread(() -> new Trainer(SMALL.toBuilder().epochs(1).build(), train.first(500), test.first(100))
                .run(events, control));
        worker.start();
        paused.await();
        // A paused trainer parks in awaitIfPaused (WAITING); one that ignored the pause would
        // run its 8 remaining batches and terminate instead.
        while (worker.getState() != Thread.State.WAITING) {
            assertTrue(worker.isAlive(), "a paused run must not finish");
            Thread.onSpinWait();
        }
        assertEquals(2, events.batches.size());
        control.resume();
        worker.join();
        assertEquals(10, events.batches.size());
    }

    @Test
    void anEpochEndsWithASmallerBatchWhenTheImagesDoNotDivideEvenly() {
        assertEquals(100, Trainer.batchesPerEpoch(5000, 50));
        assertEquals(101, Trainer.batchesPerEpoch(5001, 50));
        assertEquals(1, Trainer.batchesPerEpoch(60_000, 60_000));
    }

    @Test
    void batchLargerThanTheDataIsRejected() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new Trainer(SMALL.toBuilder().batchSize(600).build(), train.first(500), test));
        assertEquals("batch size", e.field());
    }

    @Test
    void dropoutNetworkTrains() {
        NetworkSpec spec = SMALL.toBuilder().dropout(0.2).epochs(1).optimizer(org.mnistlab.network.OptimizerKind.ADAM)
                .learningRate(1e-3).build();
        TrainingOutcome outcome = new Trainer(spec, train, test).run(TrainingListener.NONE, new TrainingControl());
        assertTrue(outcome.lastEvaluation().testAccuracy() > 0.8, "" + outcome.lastEvaluation());
    }

    @Test
    void extraTrainingImagesJoinEveryEpochButNeverTheValidationSet() {
        DigitSet extra = test.first(10).repeated(5);
        NetworkSpec spec = SMALL.toBuilder().validationImages(1000).epochs(1).build();
        Trainer trainer = new Trainer(spec, train, test).withExtraTraining(extra);
        assertEquals(4000 + 50, trainer.trainingImages(), "5,000 given less 1,000 held out, plus the 50 extra");
        Recorder events = new Recorder();
        trainer.run(events, new TrainingControl());
        assertEquals(Trainer.batchesPerEpoch(4050, 50), events.batches.size());
        assertEquals(4000, new Trainer(spec, train, test).withExtraTraining(test.first(0)).trainingImages());
    }

    @Test
    void oversampledExtraImagesAreLearnedWhereOnceEachIsNot() {
        // Ten test digits with made-up labels (each one digit up): only training on them teaches those.
        DigitSet ten = test.slice(100, 110);
        byte[] shifted = new byte[10];
        for (int i = 0; i < 10; i++) shifted[i] = (byte) ((ten.label(i) + 1) % 10);
        DigitSet relabelled = new DigitSet(10, ten.pixels(), shifted);
        NetworkSpec spec = SMALL.toBuilder().epochs(3).build();

        TrainedModel once = new Trainer(spec, train, test).withExtraTraining(relabelled)
                .run(TrainingListener.NONE, new TrainingControl()).model();
        TrainedModel fifty = new Trainer(spec, train, test).withExtraTraining(relabelled.repeated(50))
                .run(TrainingListener.NONE, new TrainingControl()).model();

        int learnedOnce = 0;
        int learnedFifty = 0;
        for (int i = 0; i < 10; i++) {
            float[] pixels = relabelled.intensities(i);
            if (TrainedModel.argMax(once.probabilities(pixels)) == shifted[i]) learnedOnce++;
            if (TrainedModel.argMax(fifty.probabilities(pixels)) == shifted[i]) learnedFifty++;
        }
        assertTrue(learnedFifty >= 8 && learnedFifty >= learnedOnce + 5,
                "made-up labels learned: " + learnedOnce + " of 10 shown once, " + learnedFifty + " shown 50 times");
    }
}
