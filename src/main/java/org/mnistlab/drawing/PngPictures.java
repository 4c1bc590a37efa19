package org.mnistlab.drawing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Pictures written as PNG files: a digit as MNIST stores it, and a sheet of small colour tiles
 * (weight templates) with a caption. Callers choose the target; {@code storage.AtomicFile} makes
 * the write all-or-nothing.
 */
public final class PngPictures {
    private static final int GAP = 2;
    private static final int MARGIN = 8;

    private PngPictures() {}

    /** A 28×28 grey PNG, white ink on black as in MNIST. @param intensities 784 values in [0, 1] */
    public static void writeDigit(float[] intensities, Path file) throws IOException {
        BufferedImage image = new BufferedImage(DigitPreprocessor.SIDE, DigitPreprocessor.SIDE,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < intensities.length; i++) {
            int v = Math.round(Math.max(0, Math.min(1, intensities[i])) * 255);
            image.getRaster().setSample(i % DigitPreprocessor.SIDE, i / DigitPreprocessor.SIDE, 0, v);
        }
        write(image, file);
    }

    /**
     * Square tiles in a grid as close to square as fits, each enlarged {@code scale} times, with
     * {@code caption} written below.
     *
     * @param tiles ARGB pixels, {@code side × side} each, row-major
     */
    public static void writeTileSheet(List<int[]> tiles, int side, int scale, String caption, Path file)
            throws IOException {
        int columns = (int) Math.ceil(Math.sqrt(tiles.size()));
        int rows = (tiles.size() + columns - 1) / columns;
        int cell = side * scale + GAP;
        int captionHeight = 28;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        int width = Math.max(2 * MARGIN + columns * cell - GAP, 2 * MARGIN + textWidth(caption, font));
        int height = 2 * MARGIN + rows * cell - GAP + captionHeight;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(0x30, 0x30, 0x30));
        g.fillRect(0, 0, width, height);
        BufferedImage tile = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int t = 0; t < tiles.size(); t++) {
            tile.setRGB(0, 0, side, side, tiles.get(t), 0, side);
            int x = MARGIN + (t % columns) * cell;
            int y = MARGIN + (t / columns) * cell;
            g.drawImage(tile, x, y, side * scale, side * scale, null); // nearest neighbour: pixels stay pixels
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(caption, MARGIN, height - captionHeight / 2 + metrics.getAscent() / 2 - 2);
        g.dispose();
        write(sheet, file);
    }

    private static int textWidth(String text, Font font) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return scratch.getFontMetrics(font).stringWidth(text);
        } finally {
            scratch.dispose();
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
