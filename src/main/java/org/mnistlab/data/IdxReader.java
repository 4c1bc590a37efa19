package org.mnistlab.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.mnistlab.FileProblems;

/**
 * Parses the IDX format MNIST is distributed in (big-endian header, then unsigned bytes).
 *
 * <p>Accepts raw or gzip'd bytes (recognised by the gzip magic, not the file name) and checks
 * everything a damaged or foreign file could get wrong: magic number, dimensions and length.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;
    /**
     * MNIST's largest file holds 47 MB of pixels. A file far beyond that is not MNIST, and reading
     * it whole could exhaust memory: a gzip file of a few hundred kilobytes can inflate to gigabytes.
     */
    static final int MAX_BYTES = 256 << 20;

    private IdxReader() {}

    /** {@code count} images of 28 × 28 pixels, row-major, one unsigned byte each. */
    public record Images(int count, byte[] pixels) {}

    public static Images readImages(String fileName, InputStream in) {
        byte[] bytes = readAll(fileName, in);
        int count = checkHeader(fileName, bytes, IMAGES_HEADER, IMAGES_MAGIC, "image");
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int rows = header.getInt(8);
        int cols = header.getInt(12);
        if (rows != 28 || cols != 28) {
            throw new DataFileException(fileName, "images are " + rows + "×" + cols
                    + " pixels; MNIST Lab needs 28×28");
        }
        long expected = IMAGES_HEADER + (long) count * rows * cols;
        checkLength(fileName, bytes.length, expected, count + " images");
        return new Images(count, Arrays.copyOfRange(bytes, IMAGES_HEADER, bytes.length));
    }

    public static byte[] readLabels(String fileName, InputStream in) {
        byte[] bytes = readAll(fileName, in);
        int count = checkHeader(fileName, bytes, LABELS_HEADER, LABELS_MAGIC, "label");
        checkLength(fileName, bytes.length, LABELS_HEADER + (long) count, count + " labels");
        byte[] labels = Arrays.copyOfRange(bytes, LABELS_HEADER, bytes.length);
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new DataFileException(fileName, "label " + (labels[i] & 0xFF)
                        + " at index " + i + " is not a digit 0-9");
            }
        }
        return labels;
    }

    /**
     * Checks what image and label files share (the header is there, the magic number is right,
     * the item count is not negative) and returns the count.
     */
    private static int checkHeader(String fileName, byte[] bytes, int headerBytes, int magic, String kind) {
        if (bytes.length < headerBytes) {
            throw new DataFileException(fileName, "truncated: " + bytes.length
                    + " bytes is shorter than the " + headerBytes + "-byte IDX " + kind + " header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, headerBytes);
        int found = header.getInt();
        if (found != magic) {
            throw new DataFileException(fileName, "wrong magic number " + found
                    + " (an IDX " + kind + " file starts with " + magic + hintFor(found) + ")");
        }
        int count = header.getInt();
        if (count < 0) {
            throw new DataFileException(fileName, "negative " + kind + " count " + count);
        }
        return count;
    }

    private static String hintFor(int magic) {
        if (magic == LABELS_MAGIC) return "; this looks like a label file";
        if (magic == IMAGES_MAGIC) return "; this looks like an image file";
        return "";
    }

    private static void checkLength(String fileName, long actual, long expected, String what) {
        if (actual < expected) {
            throw new DataFileException(fileName, "truncated: the header promises " + what
                    + " (" + expected + " bytes) but the file has " + actual + " bytes");
        }
        if (actual > expected) {
            throw new DataFileException(fileName, "has " + (actual - expected)
                    + " unexpected bytes after the " + what + " its header promises");
        }
    }

    private static byte[] readAll(String fileName, InputStream in) {
        try {
            byte[] bytes = readAtMost(fileName, in, "");
            if (isGzip(bytes)) {
                try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
                    return readAtMost(fileName, gz, " once unpacked");
                }
            }
            return bytes;
        } catch (EOFException e) {
            throw new DataFileException(fileName, "truncated gzip data", e);
        } catch (ZipException e) {
            throw new DataFileException(fileName, "corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(fileName, "cannot be read (" + FileProblems.describe(e) + ")", e);
        }
    }

    private static byte[] readAtMost(String fileName, InputStream in, String when) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new DataFileException(fileName, "is larger than " + (MAX_BYTES >> 20) + " MB" + when
                    + "; MNIST's largest file is 47 MB, so this is not an MNIST file");
        }
        return bytes;
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
    }
}
