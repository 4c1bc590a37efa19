package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.WeightInitKind;
import org.mnistlab.testing.TestData;

class RateFinderTest {
    /**
     * 10,000 images in batches of 20: a sweep of 500 steps. A much shorter one (150) never got
     * its smoothed loss far below guessing: the smoothing spans ~50 steps, as long as the rates
     * at which the network learns, so nothing could blow up to 4 times its minimum.
     */
    private static final NetworkSpec SPEC = NetworkSpec.builder()
            .hiddenLayers(List.of(new HiddenLayer(32, ActivationKind.RELU))).batchSize(20).build();

    private static DigitSet train() {
        return TestData.mnist().train().first(10_000);
    }

    @Test
    void theRateGrowsExponentiallyFromOneMillionthUntilTheSmoothedLossIsFourTimesItsMinimum() {
        // 784-10 softmax regression has no ReLU to die: at large rates its loss runs up to DL4J's clip (~23).
        RateFinding found = find(SPEC.toBuilder().hiddenLayers(List.of()).build());
        List<RateFinding.Point> points = found.points();
        assertEquals(RateFinder.START_RATE, points.get(0).rate(), 1e-15);
        double growth = Math.pow(RateFinder.END_RATE / RateFinder.START_RATE, 1.0 / 499);
        for (int i = 1; i < points.size(); i++) {
            assertEquals(growth, points.get(i).rate() / points.get(i - 1).rate(), 1e-9, "step " + i);
        }
        assertTrue(points.size() < 500, "stopped before the end of the sweep: " + points.size() + " steps");
        RateFinding.Point last = points.get(points.size() - 1);
        double minimum = points.stream().mapToDouble(RateFinding.Point::smoothedLoss).min().orElseThrow();
        assertTrue(last.smoothedLoss() > RateFinder.EXPLODED * minimum, "it stopped at the blow-up");
        for (RateFinding.Point p : points.subList(0, points.size() - 1)) {
            assertTrue(p.smoothedLoss() <= RateFinder.EXPLODED * minimum, "and not before");
        }
        assertTrue(found.suggests(), found.explanation());
        assertTrue(found.steepest() > 1e-4 && found.steepest() < 5, "steepest " + found.steepest());
        assertTrue(found.minimumTenth() < found.steepest() * 10, "tenth " + found.minimumTenth());
    }

    @Test
    void plainSgdIsSuggestedARateWhereItLearnsFastestWithTheReason() {
        // DL4J's loss stays bounded when SGD's steps grow too large (its ReLUs die, it guesses):
        // this sweep runs on to 10 without passing 4 times its minimum, and still suggests.
        RateFinding found = find(SPEC);
        assertTrue(found.suggests(), found.explanation());
        assertTrue(found.steepest() > 1e-3 && found.steepest() < 5, "steepest " + found.steepest());
        assertTrue(found.minimumTenth() > 1e-3 && found.minimumTenth() < 1, "tenth " + found.minimumTenth());
        assertTrue(found.explanation().contains("falls fastest") && found.explanation().contains("a tenth"),
                found.explanation());
    }

    private static RateFinding find(NetworkSpec spec) {
        return new RateFinder(spec, train(), TestData.mnist().test().first(100)).run(new TrainingControl());
    }

    @Test
    void aNetworkThatDivergesAtOnceSaysSoAndSuggestsNothing() {
        NetworkSpec exploding = SPEC.toBuilder().weightInit(WeightInitKind.UNIFORM).initScale(10).build();
        RateFinding found = new RateFinder(exploding, train(), TestData.mnist().test().first(100))
                .run(new TrainingControl());
        assertFalse(found.suggests());
        assertTrue(Double.isNaN(found.minimumTenth()));
        assertTrue(found.explanation().contains("diverges whatever the rate"), found.explanation());
    }

    @Test
    void theSteepestDescentAndTheMinimumAreReadFromTheSmoothedCurve() {
        // A loss that falls slowly, then fastest at step 30, is lowest at step 40, then blows up.
        List<RateFinding.Point> points = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double loss = 2.3 - 2 / (1 + Math.exp(-(i - 30) / 3.0)) + (i > 40 ? Math.pow(i - 40, 2) : 0);
            points.add(new RateFinding.Point(1e-6 * Math.pow(10, i / 7.0), loss, loss));
        }
        RateFinding found = RateFinder.suggest(points, true);
        assertEquals(points.get(30).rate(), found.steepest(), 1e-12);
        assertEquals(points.get(40).rate() / 10, found.minimumTenth(), 1e-12);
    }

    @Test
    void aLossThatNeverFallsSuggestsNothing() {
        List<RateFinding.Point> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) points.add(new RateFinding.Point(1e-6 * Math.pow(2, i), 2.3 + i, 2.3 + i));
        RateFinding found = RateFinder.suggest(points, false);
        assertFalse(found.suggests());
        assertTrue(found.explanation().contains("never fell"), found.explanation());
    }
}
