package org.mnistlab.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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

    /** Images of {@code rows × cols} pixels, row-major, one unsigned byte each. */
    public record Images(int count, int rows, int cols, byte[] pixels) {}

    public static Images readImages(String fileName, InputStream in) {
        byte[] bytes = readAll(fileName, in);
        if (bytes.length < IMAGES_HEADER) {
            throw new DataFileException(fileName, "truncated: " + bytes.length
                    + " bytes is shorter than the 16-byte IDX image header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, IMAGES_HEADER);
        int magic = header.getInt();
        if (magic != IMAGES_MAGIC) {
            throw new DataFileException(fileName, "wrong magic number " + magic
                    + " (an IDX image file starts with 2051" + hintFor(magic) + ")");
        }
        int count = header.getInt();
        int rows = header.getInt();
        int cols = header.getInt();
        if (count < 0) {
            throw new DataFileException(fileName, "negative image count " + count);
        }
        if (rows != 28 || cols != 28) {
            throw new DataFileException(fileName, "images are " + rows + "×" + cols
                    + " pixels; MNIST Lab needs 28×28");
        }
        long expected = IMAGES_HEADER + (long) count * rows * cols;
        checkLength(fileName, bytes.length, expected, count + " images");
        byte[] pixels = new byte[count * rows * cols];
        System.arraycopy(bytes, IMAGES_HEADER, pixels, 0, pixels.length);
        return new Images(count, rows, cols, pixels);
    }

    public static byte[] readLabels(String fileName, InputStream in) {
        byte[] bytes = readAll(fileName, in);
        if (bytes.length < LABELS_HEADER) {
            throw new DataFileException(fileName, "truncated: " + bytes.length
                    + " bytes is shorter than the 8-byte IDX label header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, LABELS_HEADER);
        int magic = header.getInt();
        if (magic != LABELS_MAGIC) {
            throw new DataFileException(fileName, "wrong magic number " + magic
                    + " (an IDX label file starts with 2049" + hintFor(magic) + ")");
        }
        int count = header.getInt();
        if (count < 0) {
            throw new DataFileException(fileName, "negative label count " + count);
        }
        checkLength(fileName, bytes.length, LABELS_HEADER + (long) count, count + " labels");
        byte[] labels = new byte[count];
        System.arraycopy(bytes, LABELS_HEADER, labels, 0, count);
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new DataFileException(fileName, "label " + (labels[i] & 0xFF)
                        + " at index " + i + " is not a digit 0-9");
            }
        }
        return labels;
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
            throw new DataFileException(fileName, "cannot be read (" + e.getMessage() + ")", e);
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
