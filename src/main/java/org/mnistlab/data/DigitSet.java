package org.mnistlab.data;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A set of 28×28 digit images with their labels, kept as the raw bytes of the IDX files.
 *
 * <p>Bytes are a quarter of the size of floats, so the whole of MNIST stays cheap to hold;
 * {@link #features} turns it into the float matrix a network trains on, once.
 */
public record DigitSet(int count, byte[] pixels, byte[] labels) {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;

    public DigitSet {
        if (pixels.length != (long) count * PIXELS || labels.length != count) {
            throw new IllegalArgumentException("pixels/labels do not match count " + count);
        }
    }

    public int label(int index) {
        return labels[index];
    }

    /** Ink of image {@code index} in [0, 1], row-major. */
    public float[] intensities(int index) {
        float[] out = new float[PIXELS];
        int base = index * PIXELS;
        for (int i = 0; i < PIXELS; i++) {
            out[i] = (pixels[base + i] & 0xFF) / 255f;
        }
        return out;
    }

    /** All images as a {@code count × 784} float matrix, normalised. */
    public INDArray features(Normalization normalization) {
        float[] lookup = new float[256];
        for (int v = 0; v < 256; v++) {
            lookup[v] = normalization.applyToByte((byte) v);
        }
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = lookup[pixels[i] & 0xFF];
        }
        return Nd4j.create(out, new long[] {count, PIXELS}, DataType.FLOAT);
    }

    /** Labels as a {@code count × 10} one-hot float matrix. */
    public INDArray oneHotLabels() {
        float[] out = new float[count * CLASSES];
        for (int i = 0; i < count; i++) {
            out[i * CLASSES + labels[i]] = 1f;
        }
        return Nd4j.create(out, new long[] {count, CLASSES}, DataType.FLOAT);
    }

    /** The first {@code n} images (or all, if there are fewer). */
    public DigitSet first(int n) {
        return slice(0, Math.min(n, count));
    }

    public DigitSet slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException(from + ".." + to + " of " + count);
        }
        byte[] p = new byte[(to - from) * PIXELS];
        System.arraycopy(pixels, from * PIXELS, p, 0, p.length);
        byte[] l = new byte[to - from];
        System.arraycopy(labels, from, l, 0, l.length);
        return new DigitSet(to - from, p, l);
    }

    /** This set followed by {@code more}: a run's training images plus the student's own. */
    public DigitSet concat(DigitSet more) {
        if (more.count == 0) return this;
        byte[] p = java.util.Arrays.copyOf(pixels, pixels.length + more.pixels.length);
        System.arraycopy(more.pixels, 0, p, pixels.length, more.pixels.length);
        byte[] l = java.util.Arrays.copyOf(labels, count + more.count);
        System.arraycopy(more.labels, 0, l, count, more.count);
        return new DigitSet(count + more.count, p, l);
    }

    /** Every image {@code times} times over (0 gives an empty set): oversampling a small set. */
    public DigitSet repeated(int times) {
        if (times < 0) throw new IllegalArgumentException("times must be >= 0, was " + times);
        byte[] p = new byte[pixels.length * times];
        byte[] l = new byte[count * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(pixels, 0, p, t * pixels.length, pixels.length);
            System.arraycopy(labels, 0, l, t * count, count);
        }
        return new DigitSet(count * times, p, l);
    }

    /** This set in an order shuffled by {@code seed}: the same seed always gives the same order. */
    public DigitSet shuffled(long seed) {
        int[] order = permutation(count, new Random(seed));
        byte[] p = new byte[pixels.length];
        byte[] l = new byte[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(pixels, order[i] * PIXELS, p, i * PIXELS, PIXELS);
            l[i] = labels[order[i]];
        }
        return new DigitSet(count, p, l);
    }

    /**
     * Holds {@code validationCount} images out, chosen by {@code seed}.
     *
     * @return [0] the rest (for training), [1] the held-out validation images
     */
    public DigitSet[] splitOff(int validationCount, long seed) {
        if (validationCount < 0 || validationCount >= count) {
            throw new IllegalArgumentException("validation size must be between 0 and "
                    + (count - 1) + ", was " + validationCount);
        }
        DigitSet mixed = shuffled(seed);
        return new DigitSet[] {mixed.slice(validationCount, count), mixed.slice(0, validationCount)};
    }

    /** A Fisher–Yates permutation of 0..n-1. */
    public static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
