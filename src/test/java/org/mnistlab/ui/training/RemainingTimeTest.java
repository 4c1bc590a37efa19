package org.mnistlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ETA, with made-up times: no clock is read. */
class RemainingTimeTest {
    private static final long S = 1_000_000_000L;

    /**
     * Three epochs of 60,000 examples, each 10 s of training at 6,000/s followed by a 2 s test
     * check: 36 s in all. Measured every half second from the second epoch on, the estimate stays
     * within one check's length (plus a second) of the truth, and it never goes up by more than a
     * second (the trainer's samples/s left the checks out, so that ETA jumped at each one).
     */
    @Test
    void estimateIncludesTheTestChecksAndMovesSmoothly() {
        RemainingTime eta = new RemainingTime(180_000, 0);
        double previous = Double.NaN;
        for (long halfSeconds = 0; halfSeconds <= 71; halfSeconds++) {
            long now = halfSeconds * S / 2;
            long intoEpoch = now % (12 * S);
            long epoch = now / (12 * S);
            long examples = epoch * 60_000 + Math.min(60_000, intoEpoch * 6_000 / S);
            double left = eta.secondsLeft(examples, now);
            if (now < RemainingTime.SETTLE_NANOS) {
                assertTrue(Double.isNaN(left), "not yet known at " + now / 1e9 + " s");
                continue;
            }
            double truth = 36 - now / 1e9;
            if (now >= 12 * S) {
                assertEquals(truth, left, 3.0, "at " + now / 1e9 + " s");
            }
            if (!Double.isNaN(previous)) {
                assertTrue(left <= previous + 1.0, "went up from " + previous + " to " + left + " at " + now / 1e9 + " s");
            }
            previous = left;
        }
    }

    @Test
    void timeSpentPausedIsNotCounted() {
        RemainingTime eta = new RemainingTime(10_000, 0);
        eta.pause(5 * S);
        eta.resume(65 * S); // a minute's pause
        assertEquals(10.0, eta.secondsLeft(5_000, 70 * S), 1e-9, "5,000 in 10 s of running: 5,000 more take 10 s");
    }

    @Test
    void aSecondLeftIsNeverShownAsZeroAndTheLastCheckSaysFinishing() {
        RemainingTime eta = new RemainingTime(10_000, 0);
        assertEquals("0:01", eta.text(9_990, 10 * S));
        assertEquals("finishing", eta.text(10_000, 10 * S));
        assertEquals("…", eta.text(10, S / 2));
        assertEquals("1:02:03", eta.text(5_000, 37_225 * S / 10));
    }
}
