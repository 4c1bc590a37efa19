package org.mnistlab.ui.gallery;

/** One test image in the gallery, with what the network said about it. */
public record GalleryItem(int index, float[] intensities, int actual, int predicted, float[] probabilities) {
    public boolean correct() {
        return actual == predicted;
    }
}
