package org.mnistlab.drawing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files (PNG, JPEG, GIF, BMP) into {@link InkImage}s, working out which way round
 * the ink is: white on black like MNIST, or black on white like a scan.
 */
public final class ImageFiles {
    /** Larger images are subsampled while decoding, so a 20,000×20,000 file cannot exhaust memory. */
    static final int MAX_DECODED_SIDE = 2048;

    private ImageFiles() {}

    public static InkImage read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ImageInputException(name + ": " + (Files.exists(file) ? "is not a file" : "not found"));
        }
        try {
            if (Files.size(file) == 0) {
                throw new ImageInputException(name + ": is empty (0 bytes)");
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    throw new ImageInputException(name + ": is not an image MNIST Lab can read (PNG, JPEG, GIF or BMP)");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return toInk(decode(reader));
                } finally {
                    reader.dispose();
                }
            }
        } catch (ImageInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageInputException(name + ": could not be decoded as an image ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static BufferedImage decode(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            throw new ImageInputException("the image has no pixels (" + width + "×" + height + ")");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (Math.max(width, height) + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE;
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
    }

    /**
     * Ink per pixel. The paper colour is read off the image's border (digits rarely touch it):
     * a light border means dark ink, and the other way round. Transparent pixels are paper.
     */
    public static InkImage toInk(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        double borderLight = 0;
        int borderOpaque = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x != 0 && y != 0 && x != w - 1 && y != h - 1) continue;
                int p = argb[y * w + x];
                if ((p >>> 24) >= 128) {
                    borderLight += luminance(p);
                    borderOpaque++;
                }
            }
        }
        boolean transparentPaper = borderOpaque == 0;
        boolean darkInk = !transparentPaper && borderLight / borderOpaque > 0.5;
        float[] ink = new float[w * h];
        for (int i = 0; i < ink.length; i++) {
            int p = argb[i];
            float alpha = (p >>> 24) / 255f;
            float light = luminance(p);
            float strength = transparentPaper ? 1f : darkInk ? 1f - light : light;
            ink[i] = alpha * strength;
        }
        return new InkImage(w, h, ink);
    }

    private static float luminance(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
    }
}
