package org.mnistlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.testing.TestData;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochSummary;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingOutcome;

class RunRecorderTest {
    @TempDir Path dir;

    /** A clock the test moves: the recorder's "every few seconds" without waiting for them. */
    static final class StepClock extends Clock {
        private long millis = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

        void advance(long ms) {
            millis += ms;
        }

        @Override public long millis() { return millis; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    }

    @Test
    void aTwentyEpochRunIsWrittenInAFewDozenTransactionsWithEveryPoint() {
        StepClock clock = new StepClock();
        List<String> failures = new ArrayList<>();
        try (RunStore store = RunStore.open(dir.resolve(RunStore.FILE_NAME))) {
            long id = store.startRun(RunStoreTest.SPEC, RunStoreTest.DATA, clock.instant());
            RunRecorder recorder = new RunRecorder(store, id, Duration.ofSeconds(3), clock, failures::add);
            int batches = 550;
            long examples = 0;
            for (int epoch = 1; epoch <= 20; epoch++) {
                for (int batch = 1; batch <= batches; batch++) {
                    examples += 100;
                    clock.advance(10); // 5.5 s an epoch: the default network on two cores
                    recorder.onBatch(new BatchProgress(epoch, batch, batches, examples, 1.0 / examples, 1e4, 0.05));
                    if (epoch == 3 && batch == 100) recorder.onLearningRateChanged(examples, 0.01);
                }
                recorder.onEvaluation(new EvaluationPoint(epoch, batches, examples, 0.5, 0.90 + epoch / 1000.0, true));
                recorder.onEpochEnd(new EpochSummary(epoch, 0.5, 0.5, 0.9, 1e4));
            }
            recorder.finish(RunEnding.FINISHED, "", null);

            assertTrue(recorder.transactions() <= 60, recorder.transactions() + " transactions");
            assertTrue(recorder.transactions() >= 20, "at least one per epoch: " + recorder.transactions());
            RunPoints points = store.points(id);
            assertEquals(20 * batches, points.trainLoss().size());
            assertEquals(20, points.evaluations().size());
            assertEquals(1, points.rateChanges().size());
            StoredRun run = store.get(id);
            assertEquals(RunEnding.FINISHED, run.ending());
            assertEquals(20, run.epochsCompleted());
            assertEquals(20, run.bestEpoch());
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void validationFiguresAndAnEarlyStopAreKeptAndTravelWithAnExport() {
        StepClock clock = new StepClock();
        Path copy = dir.resolve("lesson.mnistlab-runs");
        try (RunStore store = RunStore.open(dir.resolve(RunStore.FILE_NAME))) {
            long id = store.startRun(RunStoreTest.SPEC, RunStoreTest.DATA, clock.instant());
            RunRecorder recorder = new RunRecorder(store, id, Duration.ofSeconds(3), clock, failure -> {});
            double[] validation = {0.95, 0.97, 0.96, 0.955};
            for (int epoch = 1; epoch <= validation.length; epoch++) {
                recorder.onEvaluation(new EvaluationPoint(epoch, 10, epoch * 1000L, 0.3, 0.94, true,
                        1 - validation[epoch - 1], validation[epoch - 1], 0.99));
                recorder.onEpochEnd(new EpochSummary(epoch, 0.2, 0.3, 0.94, 1e4));
            }
            recorder.finish(new TrainingOutcome(TrainingOutcome.Status.COMPLETED, "stopped early", 4, 4000,
                    null, null, "", null, 2, 4));

            StoredRun run = store.get(id);
            assertEquals(RunEnding.STOPPED_EARLY, run.ending());
            assertEquals(0.97, run.bestValidationAccuracy(), 1e-12);
            assertEquals(2, run.bestValidationEpoch());
            EvaluationPoint second = store.points(id).evaluations().get(1);
            assertEquals(0.97, second.validationAccuracy(), 1e-12);
            assertEquals(0.03, second.validationLoss(), 1e-12);
            assertEquals(0.99, second.trainAccuracy(), 1e-12);
            store.export(List.of(id), copy);
        }
        try (RunStore other = RunStore.open(dir.resolve("other").resolve(RunStore.FILE_NAME))) {
            long imported = other.importFrom(copy).get(0);
            assertEquals(RunEnding.STOPPED_EARLY, other.get(imported).ending());
            assertEquals(2, other.get(imported).bestValidationEpoch());
            assertEquals(0.97, other.points(imported).evaluations().get(1).validationAccuracy(), 1e-12);
        }
    }

    @Test
    void aRunWithoutValidationStoresNoValidationFigures() {
        try (RunStore store = RunStore.open(dir.resolve(RunStore.FILE_NAME))) {
            long id = store.startRun(RunStoreTest.SPEC, RunStoreTest.DATA, Instant.EPOCH);
            RunRecorder recorder = new RunRecorder(store, id, Duration.ofSeconds(3), new StepClock(), failure -> {});
            recorder.onEvaluation(new EvaluationPoint(1, 10, 1000, 0.3, 0.94, true));
            recorder.finish(RunEnding.FINISHED, "", null);

            assertEquals(null, store.get(id).bestValidationAccuracy());
            assertTrue(Double.isNaN(store.points(id).evaluations().get(0).validationAccuracy()));
        }
    }

    @Test
    void pointsOlderThanTheIntervalAreAlreadyStoredWhileTheEpochGoesOn() {
        StepClock clock = new StepClock();
        try (RunStore store = RunStore.open(dir.resolve(RunStore.FILE_NAME))) {
            long id = store.startRun(RunStoreTest.SPEC, RunStoreTest.DATA, clock.instant());
            RunRecorder recorder = new RunRecorder(store, id, Duration.ofSeconds(3), clock, m -> { });
            for (int batch = 1; batch <= 1000; batch++) {
                clock.advance(10);
                recorder.onBatch(new BatchProgress(1, batch, 5000, batch * 10L, 1.0, 1e4, 0.05));
            }
            // 10 s in: everything up to the last 3 s is in the file, though no epoch has ended
            int stored = store.points(id).trainLoss().size();
            assertTrue(stored >= 700 && stored < 1000, stored + " of 1000 points stored");
        }
    }

    @Test
    void aFailingStoreStopsRecordingOnceWithANoticeAndNeverThrowsIntoTraining() throws Exception {
        StepClock clock = new StepClock();
        List<String> notices = new ArrayList<>();
        try (RunStore store = RunStore.open(dir.resolve(RunStore.FILE_NAME))) {
            long kept = RunStoreTest.recordRun(store, clock.instant());
            long id = store.startRun(RunStoreTest.SPEC, RunStoreTest.DATA, clock.instant());
            RunRecorder recorder = new RunRecorder(store, id, Duration.ofSeconds(1), clock, notices::add);
            store.limitSizeForTesting(store.pageCountForTesting());
            for (int batch = 1; batch <= 5000; batch++) {
                clock.advance(10);
                recorder.onBatch(new BatchProgress(1, batch, 5000, batch, 1.0, 1e4, 0.05));
            }
            recorder.onEpochEnd(new EpochSummary(1, 1, 1, 0.5, 1e4));
            recorder.finish(RunEnding.FINISHED, "", null);
            assertTrue(recorder.failed());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith(RunRecorder.NOT_SAVING), notices.get(0));
            assertTrue(notices.get(0).contains("disk is full"), notices.get(0));
            assertEquals(4, store.points(kept).trainLoss().size(), "what was stored before stays");
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void aRealTrainingRunIsRecordedWithItsModel() throws Exception {
        MnistData data = TestData.mnist();
        MnistData small = new MnistData(data.train().first(600), data.test().first(200));
        NetworkSpec spec = NetworkSpec.defaults().toBuilder().epochs(2).build();
        try (RunStore store = RunStore.open(dir.resolve(RunStore.FILE_NAME))) {
            RunRecorder recorder = RunRecorder.start(store, spec, DataSource.bundled(600, 200), m -> { });
            TrainingOutcome outcome = new Trainer(spec, small.train(), small.test()).run(recorder, new TrainingControl());
            recorder.finish(outcome);
            StoredRun run = store.get(recorder.runId());
            assertEquals(RunEnding.FINISHED, run.ending());
            assertEquals(2, run.epochsCompleted());
            assertEquals(outcome.lastEvaluation().testAccuracy(), run.finalTestAccuracy());
            assertEquals(12, store.points(run.id()).trainLoss().size());
            assertEquals(4, run.data().sha256().size(), "the four bundled files' checksums");
            assertEquals(spec, store.model(run.id()).model().spec());
            assertFalse(recorder.failed());
        }
    }
}
