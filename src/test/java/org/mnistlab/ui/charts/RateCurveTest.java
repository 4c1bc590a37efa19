package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.RateSchedule;
import org.mnistlab.testing.TestData;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.RatePoint;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.ui.training.ProgressMailbox;

class RateCurveTest {
    @Test
    void aStoredRunsRateCurveIsWorkedOutAsTheTrainerReportedItChangesByHandIncluded() {
        DigitSet train = TestData.mnist().train().first(600);
        NetworkSpec spec = NetworkSpec.builder().hiddenLayers(List.of(new HiddenLayer(16, ActivationKind.RELU)))
                .batchSize(50).epochs(3).validationImages(100).schedule(RateSchedule.cosine(0.001)).warmup(4).build();
        TrainingControl control = new TrainingControl();
        ProgressMailbox mailbox = new ProgressMailbox();
        TrainingListener steer = new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                if (progress.epoch() == 3 && progress.batch() == 2) control.requestLearningRate(0.02);
            }
        };
        new Trainer(spec, train, TestData.mnist().test().first(50)).run(TrainingListener.both(mailbox, steer), control);
        ProgressMailbox.Delivery reported = mailbox.drain();
        assertEquals(30, reported.losses().size(), "500 images after validation, batches of 50, 3 epochs");
        assertTrue(reported.rates().size() > 20, "the cosine moves at every step: " + reported.rates().size());
        assertEquals(new RatePoint(0, 0.05 / 4), reported.rates().get(0), "the warm-up's first step");
        assertEquals(0.02, reported.rates().get(reported.rates().size() - 1).learningRate(), 0);

        List<RatePoint> derived = RateCurve.derive(spec, train.count(), reported.losses(), reported.rateChanges());
        assertEquals(reported.rates().size(), derived.size());
        for (int i = 0; i < derived.size(); i++) {
            assertEquals(reported.rates().get(i).examplesSeen(), derived.get(i).examplesSeen(), "point " + i);
            assertEquals(reported.rates().get(i).learningRate(), derived.get(i).learningRate(), 1e-12, "point " + i);
        }
    }

    @Test
    void aStaircaseIsDrawnWithACornerAtEachStepAndRunsOnToTheNewestBatch() {
        List<RatePoint> steps = List.of(new RatePoint(0, 0.1), new RatePoint(1000, 0.05));
        assertEquals(List.of(new RatePoint(0, 0.1), new RatePoint(1000, 0.1), new RatePoint(1000, 0.05),
                new RatePoint(1500, 0.05)), RateCurve.corners(steps, 1500, 400));
    }

    @Test
    void thousandsOfStepsAreSampledEvenlyKeepingTheLast() {
        List<RatePoint> smooth = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) smooth.add(new RatePoint(100L * i, 0.1 - i * 1e-5));
        List<RatePoint> drawn = RateCurve.corners(smooth, 500_000, 400);
        assertTrue(drawn.size() <= 402, "at most about 400 points: " + drawn.size());
        assertEquals(smooth.get(4999), drawn.get(drawn.size() - 2));
        assertEquals(new RatePoint(500_000, smooth.get(4999).learningRate()), drawn.get(drawn.size() - 1));
    }
}
