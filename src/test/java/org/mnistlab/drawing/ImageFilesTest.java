package org.mnistlab.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @Test
    void greyPngIsReadAtTheGreyLevelsItWasWrittenWith(@TempDir Path dir) throws Exception {
        BufferedImage grey = new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 2, 0, 64);
        grey.getRaster().setSample(2, 2, 0, 128);
        grey.getRaster().setSample(3, 2, 0, 255);
        Path file = dir.resolve("grey.png");
        ImageIO.write(grey, "png", file.toFile());

        InkImage ink = ImageFiles.read(file);
        assertEquals(64 / 255f, ink.at(1, 2), 1e-6, "not brightened as if the grey were linear light");
        assertEquals(128 / 255f, ink.at(2, 2), 1e-6);
        assertEquals(1f, ink.at(3, 2), 1e-6);
        assertEquals(0f, ink.at(0, 0), 1e-6);
    }

    @Test
    void greyAndColourVersionsOfOneDrawingGiveTheSameInk(@TempDir Path dir) throws Exception {
        BufferedImage colour = MouseDigitRenderer.render(3, 0);
        Path rgb = dir.resolve("rgb.png");
        Path grey = dir.resolve("grey.png");
        ImageIO.write(colour, "png", rgb.toFile());
        ImageIO.write(MouseDigitRenderer.toGray(colour), "png", grey.toFile());
        float[] a = ImageFiles.read(rgb).ink();
        float[] b = ImageFiles.read(grey).ink();
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-6, "pixel " + i);
    }
}
