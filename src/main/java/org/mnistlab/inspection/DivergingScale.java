package org.mnistlab.inspection;

/**
 * Negative blue, zero white, positive red (ColorBrewer's RdBu ends), as ARGB. Used for weights
 * and standardised inputs, where the sign matters as much as the size.
 */
public final class DivergingScale {
    private static final int[] NEGATIVE = {33, 102, 172};
    private static final int[] POSITIVE = {178, 24, 43};

    private DivergingScale() {}

    /** @param limit the magnitude drawn at full colour; larger values are clamped to it */
    public static int argb(double value, double limit) {
        double t = limit <= 0 || !Double.isFinite(value) ? 0 : Math.max(-1, Math.min(1, value / limit));
        int[] end = t < 0 ? NEGATIVE : POSITIVE;
        double a = Math.abs(t);
        int r = (int) Math.round(255 + (end[0] - 255) * a);
        int g = (int) Math.round(255 + (end[1] - 255) * a);
        int b = (int) Math.round(255 + (end[2] - 255) * a);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** A whole picture, each value scaled by the same {@code limit}. */
    public static int[] argb(float[] values, double limit) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = argb(values[i], limit);
        return out;
    }

    /** The largest magnitude in {@code values}: the limit that uses the whole scale. */
    public static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) max = Math.max(max, Math.abs(v));
        return max;
    }
}
