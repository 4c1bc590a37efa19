package org.mnistlab.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitPreprocessorTest {

    /** A filled ellipse of ink in a corner of a large canvas. */
    private static InkImage offCentreBlob() {
        int w = 300, h = 200;
        float[] ink = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - 40) / 25.0, dy = (y - 150) / 40.0;
                if (dx * dx + dy * dy <= 1) ink[y * w + x] = 1f;
            }
        }
        return new InkImage(w, h, ink);
    }

    @Test
    void offCentreBlobIsCentredByMassAndScaledToTwentyPixels() {
        float[] field = DigitPreprocessor.toMnist(offCentreBlob());
        double[] com = DigitPreprocessor.centreOfMass(field, DigitPreprocessor.SIDE);
        assertEquals(14.0, com[0], 0.5);
        assertEquals(14.0, com[1], 0.5);
        int[] box = DigitPreprocessor.inkBounds(new InkImage(28, 28, field), 0.1f);
        assertEquals(20, box[3] - box[1], "the longer side (height) becomes 20 px");
        int width = box[2] - box[0];
        assertTrue(width >= 12 && width <= 14, "aspect ratio kept: 50/80 × 20 ≈ 12.5, was " + width);
    }

    @Test
    void theStepsShowTheInkBoxTheTwentyPixelDigitAndTheCentredField() {
        DigitPreprocessor.Steps steps = DigitPreprocessor.steps(offCentreBlob());
        int[] box = steps.box();
        assertEquals(15, box[0], "the ellipse spans x 15..65");
        assertEquals(110, box[1], "and y 110..190");
        assertEquals(20, steps.scaledHeight(), "the longer side becomes 20 px");
        assertEquals(steps.scaledWidth() * steps.scaledHeight(), steps.scaled().length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(DigitPreprocessor.toMnist(offCentreBlob()), steps.centred());
    }

    @Test
    void testDigitsEnlargedToThePadAreReadAsTheSameDigits() {
        var model = org.mnistlab.storage.ModelFile.loadBundledDefault().model();
        var test = org.mnistlab.testing.TestData.mnist().test();
        int same = 0;
        for (int i = 0; i < 50; i++) {
            float[] digit = test.intensities(i);
            InkImage onPad = InkImage.enlarged(digit, 28, 280);
            assertEquals(280, onPad.width());
            int direct = org.mnistlab.network.TrainedModel.argMax(model.probabilities(digit));
            int again = org.mnistlab.network.TrainedModel.argMax(model.probabilities(DigitPreprocessor.toMnist(onPad)));
            if (direct == again) same++;
        }
        assertTrue(same >= 47, "the round trip through the pad keeps the digit readable: " + same + " of 50");
    }

    @Test
    void strokesOverAPictureKeepTheStrongerInkOfEach() {
        InkImage picture = new InkImage(2, 1, new float[] {0.8f, 0.1f});
        InkImage strokes = new InkImage(2, 1, new float[] {0.2f, 1f});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.8f, 1f}, picture.with(strokes).ink());
    }

    @Test
    void inkTouchingTheBottomOrRightEdgeOfTheCanvasIsRead() {
        for (int size = 1; size <= 280; size++) {
            float[] bottom = new float[280 * 280];
            float[] right = new float[280 * 280];
            for (int y = 280 - size; y < 280; y++) {
                for (int x = 100; x < 120; x++) {
                    bottom[y * 280 + x] = 1f;
                    right[x * 280 + y] = 1f;
                }
            }
            float[] a = DigitPreprocessor.toMnist(new InkImage(280, 280, bottom));
            float[] b = DigitPreprocessor.toMnist(new InkImage(280, 280, right));
            int side = DigitPreprocessor.SIDE;
            assertEquals(14.0, DigitPreprocessor.centreOfMass(a, side)[1], 0.6, "bar of height " + size);
            assertEquals(14.0, DigitPreprocessor.centreOfMass(b, side)[0], 0.6, "bar of width " + size);
        }
    }

    @Test
    void blankImageIsReportedNotClassified() {
        assertThrows(BlankImageException.class, () -> DigitPreprocessor.toMnist(new InkImage(280, 280, new float[280 * 280])));
    }

    @Test
    void blackOnWhiteAndWhiteOnBlackGiveTheSameInput(@TempDir Path dir) throws Exception {
        Path dark = dir.resolve("dark-ink.png");
        Path light = dir.resolve("light-ink.jpg");
        ImageIO.write(drawSeven(Color.WHITE, Color.BLACK), "png", dark.toFile());
        ImageIO.write(drawSeven(Color.BLACK, Color.WHITE), "jpg", light.toFile());
        float[] a = DigitPreprocessor.toMnist(ImageFiles.read(dark));
        float[] b = DigitPreprocessor.toMnist(ImageFiles.read(light));
        double difference = 0;
        for (int i = 0; i < a.length; i++) difference += Math.abs(a[i] - b[i]);
        assertTrue(difference / a.length < 0.02, "mean difference " + difference / a.length);
    }

    @Test
    void fileThatIsNotAnImageIsReported(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("digit.png");
        java.nio.file.Files.writeString(text, "not really a png");
        ImageInputException e = assertThrows(ImageInputException.class, () -> ImageFiles.read(text));
        assertTrue(e.getMessage().contains("is not an image"), e.getMessage());
    }

    static BufferedImage drawSeven(Color paper, Color ink) {
        BufferedImage image = new BufferedImage(200, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(paper);
        g.fillRect(0, 0, 200, 240);
        g.setColor(ink);
        g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(50, 50, 150, 50);
        g.drawLine(150, 50, 80, 200);
        g.dispose();
        return image;
    }
}
