package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StalledLossDetectorTest {
    private static final int EPOCH = 100;

    @Test
    void aLossThatStaysFarAboveItsBestForAnEpochGetsTheHintOnce() {
        StalledLossDetector detector = new StalledLossDetector(EPOCH);
        for (int i = 0; i < 300; i++) assertNull(detector.check(2.3 - i * 0.005), "falling to 0.8");
        String hint = null;
        int batches = 0;
        while (hint == null && batches < 5 * EPOCH) {
            hint = detector.check(batches % 2 == 0 ? 1.6 : 1.4); // thrashing around 1.5
            batches++;
        }
        assertEquals(StalledLossDetector.HINT, hint);
        // The stall starts a little before the thrashing, as the falling average flattens out.
        assertTrue(batches > EPOCH / 2, "not at the first bad batches: " + batches);
        for (int i = 0; i < 3 * EPOCH; i++) assertNull(detector.check(1.5), "given once");
    }

    @Test
    void aNetworkStuckAtGuessingGetsTheHint() {
        StalledLossDetector detector = new StalledLossDetector(EPOCH);
        String hint = null;
        for (int i = 0; i < 3 * EPOCH && hint == null; i++) hint = detector.check(2.30 + 0.01 * (i % 3));
        assertEquals(StalledLossDetector.HINT, hint);
    }

    @Test
    void aSlowButSteadyFallAndALowPlateauGetNone() {
        StalledLossDetector crawl = new StalledLossDetector(EPOCH);
        for (int i = 0; i < 10 * EPOCH; i++) assertNull(crawl.check(2.3 * Math.pow(0.999, i)), "crawling, batch " + i);
        StalledLossDetector settled = new StalledLossDetector(EPOCH);
        for (int i = 0; i < 10 * EPOCH; i++) {
            assertNull(settled.check(i < 200 ? 2.3 - i * 0.01 : 0.3 + 0.05 * (i % 2)), "settled, batch " + i);
        }
    }

    @Test
    void nanIsLeftToTheDivergenceDetector() {
        StalledLossDetector detector = new StalledLossDetector(1);
        assertNull(detector.check(Double.NaN));
        assertNull(detector.check(1.0));
    }
}
