package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.testing.TestData;

/**
 * A run that diverges keeps its last good checkpoint, and going on from it at half the rate
 * continues the same run. The case: SGD at 0.1 for 60 batches, then the rate is raised to 64 by
 * hand, which blows the loss up; 32 from the same place does not
 * blow up (measured on these 5,000 images), though it still thrashes.
 */
class ResumeFromCheckpointTest {
    private static final int BATCH = 50;
    private static final int RAISED_AFTER = 60;
    private static final double TOO_HIGH = 64;
    private static final NetworkSpec SPEC = NetworkSpec.builder()
            .hiddenLayers(List.of(new HiddenLayer(64, ActivationKind.RELU)))
            .learningRate(0.1).epochs(2).batchSize(BATCH).build();
    private static DigitSet train;
    private static DigitSet test;

    @BeforeAll
    static void data() {
        train = TestData.mnist().train().first(5000);
        test = TestData.mnist().test().first(500);
    }

    private static final class Losses implements TrainingListener {
        final List<BatchProgress> batches = new ArrayList<>();
        final List<RateChange> rateChanges = new ArrayList<>();

        @Override
        public void onBatch(BatchProgress progress) {
            batches.add(progress);
        }

        @Override
        public void onLearningRateChanged(long examplesSeen, double learningRate) {
            rateChanges.add(new RateChange(examplesSeen, learningRate));
        }
    }

    private static Trainer trainer() {
        return new Trainer(SPEC, train, test).withCheckpointsEvery(20);
    }

    /** Raises the rate to {@value #TOO_HIGH} after {@value #RAISED_AFTER} batches. */
    private static TrainingOutcome divergingRun(Losses into) {
        TrainingControl control = new TrainingControl();
        TrainingListener steer = new TrainingListener() {
            @Override
            public void onBatch(BatchProgress p) {
                if (p.examplesSeen() == (long) RAISED_AFTER * BATCH) control.requestLearningRate(TOO_HIGH);
            }
        };
        return trainer().run(TrainingListener.both(into, steer), control);
    }

    @Test
    void aRunThatDivergesKeepsACheckpointFromBeforeTheBlowUp() {
        TrainingOutcome outcome = divergingRun(new Losses());
        assertTrue(outcome.diverged(), outcome.message());
        assertTrue(outcome.resumable());
        Checkpoint good = outcome.lastGood();
        assertEquals(RAISED_AFTER, good.step(), "the last one taken at the healthy rate");
        assertTrue(good.examplesSeen() < outcome.examplesSeen());
        assertEquals(0.1, good.learningRate(), 1e-12);
        assertEquals(1, good.epoch());
        assertEquals(RAISED_AFTER + 1, good.nextBatch());
        assertEquals(TOO_HIGH, outcome.divergedAtRate(), 1e-12);
        assertEquals(4L * good.params().length, good.bytes(), "plain SGD keeps no optimiser state");
    }

    @Test
    void resumingAtHalfTheRateContinuesFromThatStepAndDoesNotDiverge() {
        TrainingOutcome diverged = divergingRun(new Losses());
        Losses resumed = new Losses();
        TrainingOutcome outcome = trainer().resumingFrom(diverged.lastGood(), diverged.divergedAtRate() / 2)
                .run(resumed, new TrainingControl());

        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status(), outcome.message());
        assertEquals(new RateChange((long) RAISED_AFTER * BATCH, TOO_HIGH / 2), resumed.rateChanges.get(0),
                "the halved rate is reported as a change where the run goes on");
        BatchProgress first = resumed.batches.get(0);
        assertEquals(1, first.epoch());
        assertEquals(RAISED_AFTER + 1, first.batch());
        assertEquals((RAISED_AFTER + 1L) * BATCH, first.examplesSeen());
        assertEquals(2 * train.count(), outcome.examplesSeen(), "the run's two epochs, counted from its start");
        assertEquals(2, outcome.epochsCompleted());
        // 32 is still far too high to learn well (the test accuracy ends near chance), but it no longer blows up.
        assertTrue(Double.isFinite(outcome.lastEvaluation().testLoss()), "finite: " + outcome.lastEvaluation());
    }

    @Test
    void resumingAtTheSameRateRetracesTheRunFromTheCheckpoint() {
        Losses original = new Losses();
        TrainingOutcome diverged = divergingRun(original);
        Losses again = new Losses();
        TrainingOutcome outcome = trainer().resumingFrom(diverged.lastGood(), TOO_HIGH).run(again, new TrainingControl());

        assertTrue(outcome.diverged(), "the full rate blows up again from the same place");
        for (int i = 0; i < 10; i++) {
            // Same weights, same order of images, same rate: the same losses, up to float rounding.
            assertEquals(original.batches.get(RAISED_AFTER + i).loss(), again.batches.get(i).loss(), 1e-3, "batch " + i);
        }
    }

    @Test
    void aCheckpointCountsAsGoodOnlyOnceTheRunWentOnWithoutDiverging() {
        Checkpoints kept = new Checkpoints(20);
        Checkpoint start = checkpointAt(0);
        kept.start(start);
        for (int step = 1; step <= 20; step++) kept.afterBatch(step, 0.5, () -> checkpointAt(20));
        assertSame(start, kept.lastGood(), "the one at step 20 may already be running away");
        for (int step = 21; step < 20 + DivergenceDetector.PATIENCE; step++) kept.afterBatch(step, 0.5, () -> null);
        assertSame(start, kept.lastGood());
        kept.afterBatch(20 + DivergenceDetector.PATIENCE, 0.5, () -> null);
        assertEquals(20, kept.lastGood().step());
    }

    @Test
    void noCheckpointIsTakenWhileTheLossIsExploding() {
        Checkpoints kept = new Checkpoints(20);
        kept.start(checkpointAt(0));
        kept.afterBatch(20, DivergenceDetector.EXPLODED_LOSS + 1, () -> checkpointAt(20));
        for (int step = 21; step <= 40 + DivergenceDetector.PATIENCE; step++) kept.afterBatch(step, 0.5, () -> checkpointAt(40));
        assertEquals(40, kept.lastGood().step(), "the one at step 20 was skipped, the one at 40 confirmed");
        assertNull(new Checkpoints(5).lastGood());
        assertNotNull(kept.lastGood().params());
    }

    private static Checkpoint checkpointAt(int step) {
        return new Checkpoint(step, 1, step + 1, step * 10L, 0, 0.1, new float[4], new float[0]);
    }
}
