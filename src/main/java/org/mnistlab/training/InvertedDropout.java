package org.mnistlab.training;

import java.util.SplittableRandom;

/**
 * Dropout as DL4J applies it ("inverted"): each unit is kept with probability {@code keep} and a
 * kept unit is scaled by 1/keep, so the expected input of the next layer is unchanged and nothing
 * needs rescaling at test time. The mask is drawn afresh for every batch.
 */
final class InvertedDropout {
    private final float keep;
    private final SplittableRandom random;

    InvertedDropout(double keep, long seed) {
        this.keep = (float) keep;
        this.random = new SplittableRandom(seed);
    }

    /** Draws {@code mask[0, n)} (0 or 1/keep per unit) and writes {@code dropped = a × mask}. */
    void apply(float[] a, float[] mask, float[] dropped, int n) {
        float scale = 1f / keep;
        // Two 32-bit draws per nextLong: a Bernoulli(keep) needs no more resolution than that.
        // (draw - threshold) >>> 63 is 1 exactly when draw < threshold: a keep without a branch.
        long threshold = (long) (keep * 4294967296.0);
        for (int i = 0; i < n; i += 2) {
            long bits = random.nextLong();
            mask[i] = scale * (((bits & 0xFFFFFFFFL) - threshold) >>> 63);
            if (i + 1 < n) mask[i + 1] = scale * (((bits >>> 32) - threshold) >>> 63);
        }
        for (int i = 0; i < n; i++) dropped[i] = a[i] * mask[i];
    }
}
