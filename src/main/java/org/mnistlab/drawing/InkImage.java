package org.mnistlab.drawing;

/**
 * A grey-scale picture as ink amounts: 0 is paper, 1 is full ink, row-major.
 *
 * <p>The common currency of this package: a PNG, a JPEG and the drawing pad's canvas all become
 * one of these before preprocessing.
 */
public record InkImage(int width, int height, float[] ink) {
    public InkImage {
        if (width < 1 || height < 1 || ink.length != (long) width * height) {
            throw new IllegalArgumentException(width + "×" + height + " does not match " + ink.length);
        }
    }

    public float at(int x, int y) {
        return ink[y * width + x];
    }

    /**
     * A small square picture (a 28×28 test digit) enlarged to {@code side}×{@code side} with
     * bilinear interpolation, so it can be drawn over on the pad like the user's own ink.
     */
    public static InkImage enlarged(float[] small, int smallSide, int side) {
        float[] out = new float[side * side];
        double scale = (double) smallSide / side;
        for (int y = 0; y < side; y++) {
            double sy = Math.max(0, Math.min(smallSide - 1, (y + 0.5) * scale - 0.5));
            int y0 = (int) sy, y1 = Math.min(smallSide - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < side; x++) {
                double sx = Math.max(0, Math.min(smallSide - 1, (x + 0.5) * scale - 0.5));
                int x0 = (int) sx, x1 = Math.min(smallSide - 1, x0 + 1);
                double fx = sx - x0;
                double top = small[y0 * smallSide + x0] * (1 - fx) + small[y0 * smallSide + x1] * fx;
                double bottom = small[y1 * smallSide + x0] * (1 - fx) + small[y1 * smallSide + x1] * fx;
                out[y * side + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return new InkImage(side, side, out);
    }

    /** Both pictures' ink together, pixel by pixel the stronger: strokes drawn over a picture. */
    public InkImage with(InkImage other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException(other.width + "×" + other.height + " over " + width + "×" + height);
        }
        float[] out = new float[ink.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.max(ink[i], other.ink[i]);
        return new InkImage(width, height, out);
    }
}
