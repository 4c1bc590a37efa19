package org.mnistlab.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** ARGB pixel arrays (weight pictures on the diverging scale) as JavaFX images. */
public final class ColourImages {
    private ColourImages() {}

    public static WritableImage of(int[] argb, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
