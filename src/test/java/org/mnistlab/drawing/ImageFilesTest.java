package org.mnistlab.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
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

    /**
     * 20,000×20,000 pixels: decoded whole, its ink alone would take 1.6 GB of floats (three such
     * arrays in all). Read subsampled, it is a 2,000×2,000 image and a clear "1".
     */
    @Test
    void hugeImageIsReadSubsampledWithoutRunningOutOfMemory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.png");
        writeOneBitPng(file, 20_000, 20_000, 9_000, 4_000, 11_000, 16_000);
        assertTrue(Files.size(file) < 10_000_000, "the test file itself stays small");

        InkImage ink = ImageFiles.read(file);
        assertTrue(ink.width() <= ImageFiles.MAX_DECODED_SIDE && ink.height() <= ImageFiles.MAX_DECODED_SIDE,
                ink.width() + "×" + ink.height());
        assertEquals(1f, ink.at(ink.width() / 2, ink.height() / 2), 1e-6, "the white bar is ink");
        assertEquals(0f, ink.at(0, 0), 1e-6);
        float[] input = DigitPreprocessor.toMnist(ink);
        assertEquals(784, input.length);
    }

    @Test
    void emptyFileTextFileTruncatedAndZeroSizedImagesAreReportedByName(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        Path text = Files.writeString(dir.resolve("notes.png"), "these are my notes, not a picture");
        Path valid = dir.resolve("valid.png");
        ImageIO.write(MouseDigitRenderer.render(7, 0), "png", valid.toFile());
        byte[] bytes = Files.readAllBytes(valid);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
        Path noPixels = dir.resolve("no-pixels.bmp");
        Files.write(noPixels, zeroWidthBmp());

        assertProblem(empty, "is empty (0 bytes)");
        assertProblem(text, "is not an image MNIST Lab can read");
        assertProblem(truncated, "is damaged or not a complete image");
        assertProblem(noPixels, "");
        assertProblem(dir.resolve("missing.png"), "not found");
    }

    @Test
    void blankImageIsReportedAsBlankNotGuessed(@TempDir Path dir) throws IOException {
        Path black = dir.resolve("black.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", black.toFile());
        BlankImageException e = assertThrows(BlankImageException.class,
                () -> DigitPreprocessor.toMnist(ImageFiles.read(black)));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
    }

    @Test
    void aUniformGreyImageIsBlankNotADigit(@TempDir Path dir) throws IOException {
        BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) grey.getRaster().setSample(x, y, 0, 128);
        Path file = dir.resolve("grey.png");
        ImageIO.write(grey, "png", file.toFile());
        InkImage ink = ImageFiles.read(file);
        BlankImageException e = assertThrows(BlankImageException.class, () -> DigitPreprocessor.toMnist(ink));
        assertEquals("the image is blank: there is no ink to read", e.getMessage());
    }

    @Test
    void aTruncatedProgressiveJpegIsReportedAsDamaged(@TempDir Path dir) throws IOException {
        byte[] jpeg = progressiveJpeg(DigitPreprocessorTest.drawSeven(java.awt.Color.WHITE, java.awt.Color.BLACK));
        Path file = dir.resolve("seven.jpg");
        Files.write(file, Arrays.copyOf(jpeg, jpeg.length / 2));
        ImageInputException e = assertThrows(ImageInputException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is damaged or not a complete image ("), e.getMessage());
    }

    @Test
    void aHugeProgressiveJpegIsRefusedBeforeItIsDecoded(@TempDir Path dir) throws IOException {
        byte[] jpeg = progressiveJpeg(DigitPreprocessorTest.drawSeven(java.awt.Color.WHITE, java.awt.Color.BLACK));
        // The frame header (SOF2: FF C2, length, precision, height, width) claims 30,000×30,000.
        int sof = 0;
        while (!((jpeg[sof] & 0xFF) == 0xFF && (jpeg[sof + 1] & 0xFF) == 0xC2)) sof++;
        ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) 30_000).putShort((short) 30_000);
        Path file = dir.resolve("huge.jpg");
        Files.write(file, jpeg);
        ImageInputException e = assertThrows(ImageInputException.class, () -> ImageFiles.read(file));
        assertEquals(file + ": is a progressive JPEG of 30,000×30,000 pixels; MNIST Lab reads progressive JPEGs "
                + "of up to 64 megapixels (save it smaller, or as PNG)", e.getMessage());
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("digit.png");
        org.mnistlab.testing.TestData.fifo(fifo);
        assertProblem(fifo, "is not a regular file");
    }

    static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void assertProblem(Path file, String problem) {
        ImageInputException e = assertThrows(ImageInputException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + problem), e.getMessage());
    }

    /** A BMP header that promises an image 0 pixels wide. */
    private static byte[] zeroWidthBmp() {
        ByteBuffer b = ByteBuffer.allocate(58).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(58).putInt(0).putInt(54);
        b.putInt(40).putInt(0).putInt(10).putShort((short) 1).putShort((short) 24).putInt(0).putInt(4)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /**
     * A black 1-bit greyscale PNG with one white rectangle, written row by row: the file is a few
     * hundred kilobytes however large the picture, and no image of that size is ever in memory.
     */
    static void writeOneBitPng(Path file, int width, int height, int x0, int y0, int x1, int y1)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", header.array());
            java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels)) {
                int rowBytes = (width + 7) / 8;
                byte[] black = new byte[1 + rowBytes];
                byte[] striped = new byte[1 + rowBytes];
                for (int x = x0; x < x1; x++) striped[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                for (int y = 0; y < height; y++) deflate.write(y >= y0 && y < y1 ? striped : black);
            }
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
