package org.mnistlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.charts.RecordedRun;
import org.mnistlab.ui.charts.RunHistory;
import org.mnistlab.ui.designer.DesignerViewModel;

/**
 * The training panel without a window: a scripted run stands in for the trainer, runs inline,
 * and ticks the frame clock itself, so each frame's status line can be checked as it is shown.
 */
class TrainingViewModelTest {
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final DesignerViewModel designer = new DesignerViewModel();
    private final RunHistory history = new RunHistory();
    private final ManualClock clock = new ManualClock();
    /** The time the ETA is measured by, in nanoseconds; tests move it. */
    private long now;
    /** What the run does on the "training thread"; each test sets it. */
    private Script script;
    private TrainingViewModel vm;

    private interface Script {
        TrainingOutcome run(NetworkSpec spec, TrainingListener listener, TrainingControl control) throws Exception;
    }

    /** A frame clock the test ticks. */
    private static final class ManualClock implements FrameClock {
        private Runnable frame;

        @Override
        public Ticking start(Runnable onFrame) {
            frame = onFrame;
            return () -> frame = null;
        }

        void tick() {
            if (frame != null) frame.run();
        }
    }

    @BeforeEach
    void setUp() {
        // 1,000 training images in batches of 100: 10 batches per epoch, two epochs.
        context.data().set(new MnistData(digits(1000), digits(100)));
        designer.dataReady().set(true);
        designer.epochs().set("2");
        RunStarter scripted = (spec, data, extra, evaluateEvery, listener, control) -> {
            try {
                return script.run(spec, listener, control);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
        vm = new TrainingViewModel(context, designer, history, new CurrentThreadTaskExecutor(), scripted, clock,
                RunRecording.NONE, () -> now);
    }

    @Test
    void eachFrameShowsEpochBatchSpeedEtaAndProgress() {
        List<String> lines = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        script = (spec, listener, control) -> {
            assertTrue(vm.running().get(), "running while the run is under way");
            assertTrue(designer.locked().get(), "the designer is locked during a run");
            now = 2_500_000_000L;
            listener.onBatch(batch(1, 5, 500, 1000));
            clock.tick();
            lines.add(vm.statusLine().get());
            progress.add(vm.progress().get());
            listener.onBatch(batch(2, 10, 2000, 250));
            clock.tick();
            lines.add(vm.statusLine().get());
            progress.add(vm.progress().get());
            return outcome(TrainingOutcome.Status.COMPLETED, spec, 2000);
        };
        vm.train();

        // Half an epoch of two done in 2.5 s: the ETA counts the run's own pace (200/s, test checks
        // included), not the trainer's 1,000 samples/s, so 1,500 examples left take 7.5 s.
        assertEquals(List.of("Run 1 · epoch 1/2 · batch 5/10 · 1,000 samples/s · ETA 0:08",
                "Run 1 · epoch 2/2 · batch 10/10 · 250 samples/s · ETA finishing"), lines);
        assertEquals(List.of(0.25, 1.0), progress);
        assertFalse(vm.running().get());
        assertFalse(designer.locked().get());
        assertEquals(0, vm.progress().get(), "no progress shown once the run is over");
    }

    @Test
    void aFinishedRunReportsItsAccuracyAndBecomesTheModelInUse() {
        script = (spec, listener, control) -> {
            listener.onBatch(batch(1, 1, 100, 500));
            listener.onEvaluation(new EvaluationPoint(2, 10, 2000, 0.31, 0.9123, true));
            return outcome(TrainingOutcome.Status.COMPLETED, spec, 2000);
        };
        vm.train();

        RecordedRun run = history.runs().get(0);
        assertEquals(RecordedRun.State.COMPLETED, run.state().get());
        assertEquals(1, run.trainLoss().size(), "the last frame's points are delivered at the end");
        assertEquals("Run 1 finished · test accuracy 91.23%", vm.statusLine().get());
        assertEquals("784-64-32-10 from run 1", context.modelDescription().get());
        assertEquals(2000, run.evaluations().get(0).examplesSeen());
    }

    @Test
    void aStoppedRunKeepsItsCurveAndItsNetwork() {
        script = (spec, listener, control) -> {
            listener.onBatch(batch(1, 3, 300, 500));
            vm.stop(); // the Stop button, pressed while the run is under way
            assertTrue(control.isCancelled(), "Stop reaches the run's control");
            return outcome(TrainingOutcome.Status.CANCELLED, spec, 300);
        };
        vm.train();

        RecordedRun run = history.runs().get(0);
        assertEquals(RecordedRun.State.STOPPED, run.state().get());
        assertEquals(1, run.trainLoss().size());
        assertEquals("Run 1 stopped", vm.statusLine().get());
        assertEquals("784-64-32-10 from run 1 (stopped)", context.modelDescription().get());
        assertFalse(vm.running().get());
    }

    @Test
    void aDivergedRunSaysWhyAndKeepsTheModelInUse() {
        TrainedModel before = new TrainedModel(NetworkSpec.defaults(), null);
        context.useModel(before, "the bundled default model");
        script = (spec, listener, control) -> new TrainingOutcome(TrainingOutcome.Status.DIVERGED,
                "The loss became NaN at epoch 1, batch 4.", 0, 400, null, new TrainedModel(spec, null));
        vm.train();

        assertEquals(RecordedRun.State.DIVERGED, history.runs().get(0).state().get());
        assertEquals("Run 1 diverged. The loss became NaN at epoch 1, batch 4.", context.notice().get());
        assertEquals("Run 1 diverged", vm.statusLine().get());
        assertSame(before, context.model().get(), "a diverged network is not handed to the pad");
    }

    @Test
    void aRunThatFailsIsReportedAndTheButtonsComeBack() {
        script = (spec, listener, control) -> {
            throw new IllegalStateException("native memory exhausted");
        };
        vm.train();

        assertEquals(RecordedRun.State.STOPPED, history.runs().get(0).state().get());
        assertEquals("Run 1 failed: IllegalStateException: native memory exhausted", context.notice().get());
        assertFalse(vm.running().get());
        assertTrue(designer.canTrain().get(), "Train is offered again");
    }

    @Test
    void aLearningRateTypedDuringARunIsForwardedOnlyWhileItRuns() {
        List<TrainingControl> controls = new ArrayList<>();
        script = (spec, listener, control) -> {
            controls.add(control);
            designer.learningRate().set("0.02");
            assertEquals(0.02, control.pendingLearningRate(), "a valid rate typed during the run steers it");
            designer.learningRate().set("fast");
            assertEquals(0.02, control.pendingLearningRate(), "an invalid one is not sent");
            return outcome(TrainingOutcome.Status.COMPLETED, spec, 2000);
        };
        designer.learningRate().set("0.03"); // before any run: nothing to steer
        vm.train();
        designer.learningRate().set("0.04"); // after the run: it is over, nothing is sent
        assertEquals(0.02, controls.get(0).pendingLearningRate());
    }

    @Test
    void pausingShowsItselfUntilResumedAndFramesDoNotOverwriteIt() {
        List<String> lines = new ArrayList<>();
        script = (spec, listener, control) -> {
            vm.togglePause();
            assertTrue(vm.paused().get());
            listener.onBatch(batch(1, 2, 200, 500));
            clock.tick();
            lines.add(vm.statusLine().get());
            vm.togglePause();
            clock.tick();
            listener.onBatch(batch(1, 3, 300, 500));
            clock.tick();
            lines.add(vm.statusLine().get());
            return outcome(TrainingOutcome.Status.COMPLETED, spec, 2000);
        };
        vm.train();

        assertEquals("Paused — press Resume to go on", lines.get(0));
        assertTrue(lines.get(1).startsWith("Run 1 · epoch 1/2 · batch 3/10"), lines.get(1));
        assertFalse(vm.paused().get());
    }

    @Test
    void theNetworkAfterEachEpochIsUsedWhileTrainingGoesOn() {
        List<String> during = new ArrayList<>();
        script = (spec, listener, control) -> {
            listener.onBatch(batch(1, 10, 1000, 500));
            listener.onEpochModel(() -> new TrainedModel(spec, null));
            clock.tick();
            during.add(context.modelDescription().get());
            return outcome(TrainingOutcome.Status.COMPLETED, spec, 2000);
        };
        vm.train();
        assertEquals(List.of("784-64-32-10 from run 1, epoch 1"), during);
    }

    @Test
    void trainDoesNothingUntilTheDesignerAllowsIt() {
        designer.batchSize().set("0");
        script = (spec, listener, control) -> {
            throw new AssertionError("no run should start");
        };
        vm.train();
        assertTrue(history.runs().isEmpty());
        assertNull(context.model().get());
    }

    private static BatchProgress batch(int epoch, int batch, long examplesSeen, double samplesPerSecond) {
        return new BatchProgress(epoch, batch, 10, examplesSeen, 0.5, samplesPerSecond, 0.05);
    }

    private static TrainingOutcome outcome(TrainingOutcome.Status status, NetworkSpec spec, long examplesSeen) {
        return new TrainingOutcome(status, "", 2, examplesSeen, null, new TrainedModel(spec, null));
    }

    private static DigitSet digits(int count) {
        return new DigitSet(count, new byte[count * DigitSet.PIXELS], new byte[count]);
    }
}
