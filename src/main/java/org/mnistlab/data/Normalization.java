package org.mnistlab.data;

/**
 * How raw pixel bytes (0–255) become network inputs, as in the course notebooks.
 *
 * <p>A trained model remembers its normalisation: a drawing must be fed to it the same way.
 */
public enum Normalization {
    /** Pixel / 255, so inputs lie in [0, 1]. */
    SCALE_01("Scale to [0, 1]"),
    /** (pixel / 255 − 0.1307) / 0.3081: mean 0 and standard deviation 1 over the MNIST training set. */
    STANDARDIZE("Standardise (mean 0.1307, std 0.3081)");

    public static final float MNIST_MEAN = 0.1307f;
    public static final float MNIST_STD = 0.3081f;

    private final String label;

    Normalization(String label) {
        this.label = label;
    }

    /** Maps an ink intensity in [0, 1] (pixel / 255) to the network's input value. */
    public float apply(float intensity) {
        return this == SCALE_01 ? intensity : (intensity - MNIST_MEAN) / MNIST_STD;
    }

    public float applyToByte(byte pixel) {
        return apply((pixel & 0xFF) / 255f);
    }

    @Override
    public String toString() {
        return label;
    }
}
