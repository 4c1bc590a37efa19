package org.mnistlab.drawing;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Reads image files (PNG, JPEG, GIF, BMP) into {@link InkImage}s, working out which way round
 * the ink is: white on black like MNIST, or black on white like a scan.
 */
public final class ImageFiles {
    /** Larger images are subsampled while decoding, so a 20,000×20,000 file cannot exhaust memory. */
    static final int MAX_DECODED_SIDE = 2048;

    private ImageFiles() {}

    /** Writes {@code argb} (row-major, {@code width} per row) as a PNG: how the window saves its charts. */
    public static void writePng(int[] argb, int width, int height, Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer in this Java");
    }

    /**
     * A progressive JPEG is decoded whole in native memory, about 2 bytes per pixel, whatever the
     * subsampling: 30,000×30,000 took 1.9 GB outside the Java heap. 64 megapixels (a large phone
     * photo) costs about 130 MB; more is refused before decoding.
     */
    static final long MAX_PROGRESSIVE_JPEG_PIXELS = 64_000_000L;

    public static InkImage read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ImageInputException(name + ": " + (Files.exists(file) ? "is not a regular file" : "not found"));
        }
        try {
            if (Files.size(file) == 0) {
                throw new ImageInputException(name + ": is empty (0 bytes)");
            }
            // ImageIO answers an unreadable file with null, which would read as "not an image".
            try (InputStream probe = Files.newInputStream(file)) {
                probe.read();
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    throw new ImageInputException(name + ": is not an image MNIST Lab can read (PNG, JPEG, GIF or BMP)");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return toInk(decode(name, reader));
                } finally {
                    reader.dispose();
                }
            }
        } catch (ImageInputException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new ImageInputException(name + ": cannot be read (permission denied)", e);
        } catch (IOException | RuntimeException e) {
            throw new ImageInputException(name + ": is damaged or not a complete image ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    private static BufferedImage decode(String name, ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            throw new ImageInputException(name + ": the image has no pixels (" + width + "×" + height + ")");
        }
        if ((long) width * height > MAX_PROGRESSIVE_JPEG_PIXELS && isProgressiveJpeg(reader)) {
            throw new ImageInputException(String.format(Locale.ROOT, "%s: is a progressive JPEG of %,d×%,d pixels; "
                    + "MNIST Lab reads progressive JPEGs of up to %,d megapixels (save it smaller, or as PNG)",
                    name, width, height, MAX_PROGRESSIVE_JPEG_PIXELS / 1_000_000));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (Math.max(width, height) + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE;
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        // A truncated JPEG decodes with grey where the data stops, and only a warning says so.
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0, param);
        if (!warnings.isEmpty()) {
            throw new ImageInputException(name + ": is damaged or not a complete image (" + warnings.get(0) + ")");
        }
        return image;
    }

    /** From the JPEG's frame header (SOF2), read without decoding any pixels. */
    private static boolean isProgressiveJpeg(ImageReader reader) throws IOException {
        if (!reader.getFormatName().equalsIgnoreCase("jpeg")) return false;
        IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null) return false;
        Node root = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!n.getNodeName().equals("markerSequence")) continue;
            for (Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) {
                if (m.getNodeName().equals("sof")) {
                    Node process = m.getAttributes().getNamedItem("process");
                    return process != null && process.getNodeValue().equals("2");
                }
            }
        }
        return false;
    }

    /**
     * Ink per pixel. The paper colour is read off the image's border (digits rarely touch it):
     * a light border means dark ink, and the other way round. Transparent pixels are paper.
     */
    public static InkImage toInk(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] light = new float[w * h];
        float[] alpha = new float[w * h];
        readLightAndAlpha(image, light, alpha);
        double borderLight = 0;
        int borderOpaque = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x != 0 && y != 0 && x != w - 1 && y != h - 1) continue;
                int i = y * w + x;
                if (alpha[i] >= 0.5f) {
                    borderLight += light[i];
                    borderOpaque++;
                }
            }
        }
        boolean transparentPaper = borderOpaque == 0;
        boolean darkInk = !transparentPaper && borderLight / borderOpaque > 0.5;
        float[] ink = new float[w * h];
        for (int i = 0; i < ink.length; i++) {
            float strength = transparentPaper ? 1f : darkInk ? 1f - light[i] : light[i];
            ink[i] = alpha[i] * strength;
        }
        return new InkImage(w, h, ink);
    }

    /**
     * Lightness and opacity in [0, 1]. Grey images are read from their raw samples: Java treats
     * the grey of a PNG or JPEG as linear light and brightens it on the way to sRGB in
     * {@code getRGB} (128 comes back as 188), which would fatten every anti-aliased stroke edge
     * of a grey MNIST-style PNG.
     */
    private static void readLightAndAlpha(BufferedImage image, float[] light, float[] alpha) {
        int w = image.getWidth();
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel)
                && !model.isAlphaPremultiplied()) {
            Raster raster = image.getRaster();
            float maxLight = (1 << model.getComponentSize(0)) - 1;
            float maxAlpha = model.hasAlpha() ? (1 << model.getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < w; x++) {
                    light[y * w + x] = raster.getSample(x, y, 0) / maxLight;
                    alpha[y * w + x] = model.hasAlpha() ? raster.getSample(x, y, 1) / maxAlpha : 1f;
                }
            }
            return;
        }
        int[] argb = image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            light[i] = luminance(argb[i]);
            alpha[i] = (argb[i] >>> 24) / 255f;
        }
    }

    private static float luminance(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
    }
}
