package org.mnistlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.Checkpoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;
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
 * "Halve the rate and resume from step s" without a window: a scripted run diverges after four
 * batches with a checkpoint at step 2, and the resume goes on from there in the same run.
 */
class ResumeDivergedViewModelTest {
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final DesignerViewModel designer = new DesignerViewModel();
    private final RunHistory history = new RunHistory();
    private final Checkpoint atStep2 = new Checkpoint(2, 1, 3, 200, 0, 4, new float[1], new float[0]);
    /** What each resume was asked for: its checkpoint and rate. */
    private final List<Object> resumes = new ArrayList<>();
    private boolean withCheckpoint = true;
    private TrainingViewModel vm;

    @BeforeEach
    void setUp() {
        context.data().set(new MnistData(digits(1000), digits(100)));
        designer.dataReady().set(true);
        designer.epochs().set("1");
        designer.learningRate().set("4");
        RunStarter scripted = new RunStarter() {
            @Override
            public TrainingOutcome run(NetworkSpec spec, MnistData data, DigitSet extra, int evaluateEvery,
                    TrainingListener listener, TrainingControl control) {
                for (int b = 1; b <= 4; b++) listener.onBatch(batch(b, b * 100L, b < 3 ? 0.5 : 30, 4));
                TrainingOutcome diverged = new TrainingOutcome(TrainingOutcome.Status.DIVERGED,
                        "The loss exploded to 30.0 at epoch 1, batch 4.", 0, 400, null, new TrainedModel(spec, null),
                        "", null, 0, 0, withCheckpoint ? atStep2 : null, 4);
                return diverged;
            }

            @Override
            public TrainingOutcome resume(NetworkSpec spec, MnistData data, DigitSet extra, int evaluateEvery,
                    Checkpoint checkpoint, double learningRate, TrainingListener listener, TrainingControl control) {
                resumes.add(checkpoint);
                resumes.add(learningRate);
                listener.onLearningRateChanged(checkpoint.examplesSeen(), learningRate);
                for (int b = 3; b <= 10; b++) listener.onBatch(batch(b, b * 100L, 0.4, learningRate));
                return new TrainingOutcome(TrainingOutcome.Status.COMPLETED, "", 1, 1000, null,
                        new TrainedModel(spec, null));
            }
        };
        vm = new TrainingViewModel(context, designer, history, new CurrentThreadTaskExecutor(), scripted,
                onFrame -> () -> { }, RunRecording.NONE, () -> 0L);
    }

    @Test
    void aDivergedRunWithACheckpointOffersToResumeFromItsStep() {
        vm.train();

        assertEquals(RecordedRun.State.DIVERGED, history.runs().get(0).state().get());
        assertEquals("Halve the rate and resume from step 2", vm.resumeOffer().get());
        assertEquals("Halve the rate and resume from step 2", context.noticeAction().get().label(),
                "the divergence banner carries the button too");
    }

    @Test
    void resumingContinuesTheSameRunFromTheCheckpointAtHalfTheRate() {
        vm.train();
        RecordedRun run = history.runs().get(0);
        context.runNoticeAction(); // the banner's button

        assertEquals(List.of(atStep2, 2.0), resumes, "from its checkpoint, at half the rate that blew up (4)");
        assertEquals(1, history.runs().size(), "the same run, not a new one");
        assertSame(run, history.runs().get(0));
        assertEquals(RecordedRun.State.COMPLETED, run.state().get());
        assertEquals(List.of(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L),
                run.trainLoss().stream().map(LossPoint::examplesSeen).toList(),
                "the blown-up batches 3 and 4 are replaced by the resumed ones");
        assertEquals(0.4, run.trainLoss().get(2).loss(), 1e-12);
        assertEquals(List.of(new RateChange(200, 2.0)), run.rateChanges(), "the change is marked where it resumed");
        assertEquals("", vm.resumeOffer().get(), "nothing left to resume");
    }

    @Test
    void aDivergedRunWithoutACheckpointOffersNothing() {
        withCheckpoint = false;
        vm.train();

        assertEquals("", vm.resumeOffer().get());
        assertNull(context.noticeAction().get());
        vm.resumeDiverged();
        assertEquals(List.of(), resumes);
    }

    private static BatchProgress batch(int batch, long examplesSeen, double loss, double rate) {
        return new BatchProgress(1, batch, 10, examplesSeen, loss, 1000, rate);
    }

    private static DigitSet digits(int count) {
        return new DigitSet(count, new byte[count * DigitSet.PIXELS], new byte[count]);
    }
}
