package org.mnistlab.ui;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.InkImage;

/** Ink as JavaFX images: white ink on black, like MNIST and the drawing pad. */
public final class DigitImages {
    private DigitImages() {}

    /** A 28×28 network input. */
    public static WritableImage of(float[] intensities) {
        return of(new InkImage(DigitPreprocessor.SIDE, DigitPreprocessor.SIDE, intensities));
    }

    public static WritableImage of(InkImage ink) {
        WritableImage image = new WritableImage(ink.width(), ink.height());
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                int v = Math.round(Math.max(0, Math.min(1, ink.at(x, y))) * 255);
                writer.setArgb(x, y, 0xFF000000 | v << 16 | v << 8 | v);
            }
        }
        return image;
    }
}
