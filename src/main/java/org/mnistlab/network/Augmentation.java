package org.mnistlab.network;

import org.mnistlab.data.DistortionRanges;

/**
 * Whether training images are distorted on the fly, and how strongly (the designer's "Distort
 * training images"). Each epoch sees fresh distortions drawn from the spec's seed; the test set is
 * never distorted.
 */
public enum Augmentation {
    OFF("Off", DistortionRanges.NONE),
    /** Small affine changes and a touch of stroke width: digits still look like MNIST. */
    GENTLE("Gentle", new DistortionRanges(8, 0.15, 0.08, 1.5, 0.5, 0, 4)),
    /**
     * The ranges mouse drawings span: ±15° rotation, shear up to 0.3 (about ±17°), ±15 % scale,
     * ±2.5 px translation, ±1 px stroke width and elastic wobble of up to 2.5 px (σ = 4, as Simard's).
     */
    STRONG("Strong", new DistortionRanges(15, 0.3, 0.15, 2.5, 1, 2.5, 4));

    private final String label;
    private final DistortionRanges ranges;

    Augmentation(String label, DistortionRanges ranges) {
        this.label = label;
        this.ranges = ranges;
    }

    public DistortionRanges ranges() {
        return ranges;
    }

    public boolean distorts() {
        return this != OFF;
    }

    public static Augmentation parse(String text) {
        return Names.parse(Augmentation.class, "augment", text);
    }

    @Override
    public String toString() {
        return label;
    }
}
