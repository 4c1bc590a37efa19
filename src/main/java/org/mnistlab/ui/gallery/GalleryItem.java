package org.mnistlab.ui.gallery;

/** One test image in the gallery, with what the network said about it. */
public record GalleryItem(int index, float[] intensities, int actual, int predicted, float[] probabilities) {
    public boolean correct() {
        return actual == predicted;
    }

    /** Under the tile: "7 ✓", or "1 ✗ (is 7)". */
    public String tileLabel() {
        return predicted + (correct() ? " ✓" : " ✗ (is " + actual + ")");
    }

    /** Beside the large image: "Test image #12: true label 7, predicted 1 (wrong)". */
    public String description() {
        return "Test image #" + index + ": true label " + actual + ", predicted " + predicted
                + (correct() ? " (right)" : " (wrong)");
    }
}
