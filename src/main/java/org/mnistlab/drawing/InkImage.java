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
}
