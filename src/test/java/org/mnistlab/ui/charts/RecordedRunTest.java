package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;

/** What the run list says about a run: best validation epoch, early stopping, the trainer's hint. */
class RecordedRunTest {
    private static EvaluationPoint epochEnd(int epoch, double validationAccuracy) {
        return new EvaluationPoint(epoch, 10, epoch * 1000L, 0.3, 0.9, true, 0.3, validationAccuracy, 0.95);
    }

    @Test
    void theRunListNamesTheBestValidationAccuracyAndItsEpoch() {
        RecordedRun run = new RunHistory().start(NetworkSpec.builder().validationImages(500).build());
        // A mid-epoch point is not an epoch's result, however good.
        run.append(List.of(), List.of(epochEnd(1, 0.91), new EvaluationPoint(2, 5, 1500, 0.3, 0.9, false, 0.2, 0.99, 0.9),
                epochEnd(2, 0.95), epochEnd(3, 0.93)), List.of());
        assertEquals(2, run.bestValidation().epoch());
        assertTrue(run.label().get().contains("best validation accuracy 95.00% at epoch 2"), run.label().get());
    }

    @Test
    void earlyStoppingIsSaidWithTheEpochItStoppedAndTheOneItKept() {
        RecordedRun run = new RunHistory().start(NetworkSpec.builder().validationImages(500).patience(1).build());
        run.append(List.of(), List.of(epochEnd(1, 0.91), epochEnd(2, 0.90)), List.of());
        run.stoppedEarly(2, 1);
        run.finishAs(RecordedRun.State.COMPLETED);
        assertTrue(run.label().get().contains("stopped early at epoch 2, best at epoch 1"), run.label().get());
    }

    @Test
    void rewindingADivergedRunCutsItsCurvesBackToTheCheckpointAndTrainsAgain() {
        RecordedRun run = new RunHistory().start(NetworkSpec.defaults());
        run.appendRates(List.of(new org.mnistlab.training.RatePoint(0, 0.1), new org.mnistlab.training.RatePoint(300, 8)));
        run.append(List.of(new org.mnistlab.training.LossPoint(100, 2.0), new org.mnistlab.training.LossPoint(200, 1.0),
                        new org.mnistlab.training.LossPoint(300, 1.5), new org.mnistlab.training.LossPoint(400, 30)),
                List.of(new EvaluationPoint(1, 2, 200, 0.9, 0.7, false), new EvaluationPoint(1, 4, 400, 25, 0.1, false)),
                List.of(new org.mnistlab.training.RateChange(300, 8)));
        run.finishAs(RecordedRun.State.DIVERGED);
        int revision = run.revision().get();

        run.rewindTo(300);

        assertEquals(RecordedRun.State.RUNNING, run.state().get());
        assertEquals(List.of(100L, 200L, 300L), run.trainLoss().stream().map(p -> p.examplesSeen()).toList());
        assertEquals(3, run.smoothedLoss().size());
        assertEquals(1, run.evaluations().size());
        assertEquals(List.of(), run.rateChanges(), "the change at the checkpoint is the resumed run's to report");
        assertEquals(List.of(new org.mnistlab.training.RatePoint(0, 0.1)), run.learningRates());
        assertTrue(run.revision().get() > revision, "the charts redraw it");
        assertTrue(run.label().get().endsWith("(training…)"), run.label().get());
    }

    @Test
    void aRunWithoutValidationSaysNothingAboutIt() {
        RecordedRun run = new RunHistory().start(NetworkSpec.defaults());
        run.append(List.of(), List.of(new EvaluationPoint(1, 10, 1000, 0.3, 0.9, true)), List.of());
        assertNull(run.bestValidation());
        assertFalse(run.label().get().contains("validation"), run.label().get());
    }

    @Test
    void theTrainersHintIsShownInTheRunList() {
        RecordedRun run = new RunHistory().start(NetworkSpec.defaults());
        run.giveHint("the loss stopped falling: the learning rate may be too high");
        assertTrue(run.label().get().endsWith(" — the loss stopped falling: the learning rate may be too high"),
                run.label().get());
    }

    @Test
    void anEpochIsWhatTheWindowTrainedOnOrElseWhatTheFirstFinishedEpochSaw() {
        assertEquals(55_000, new RunHistory().start(NetworkSpec.defaults(), 55_000).epochSize());
        RecordedRun unknown = new RunHistory().start(NetworkSpec.defaults());
        assertEquals(0, unknown.epochSize(), "nothing to tell it from yet");
        unknown.append(List.of(), List.of(new EvaluationPoint(1, 5, 500, 0.3, 0.9, false),
                new EvaluationPoint(2, 10, 2400, 0.3, 0.9, true)), List.of());
        assertEquals(1200, unknown.epochSize(), "a mid-epoch point says nothing about the epoch's size");
    }
}
