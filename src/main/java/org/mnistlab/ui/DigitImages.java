package org.mnistlab.ui;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** 28×28 ink arrays as JavaFX images (white ink on black, like MNIST). */
public final class DigitImages {
    private DigitImages() {}

    public static WritableImage of(float[] intensities) {
        WritableImage image = new WritableImage(28, 28);
        PixelWriter writer = image.getPixelWriter();
        for (int i = 0; i < 784; i++) {
            int v = Math.round(Math.max(0, Math.min(1, intensities[i])) * 255);
            writer.setArgb(i % 28, i / 28, 0xFF000000 | v << 16 | v << 8 | v);
        }
        return image;
    }
}
