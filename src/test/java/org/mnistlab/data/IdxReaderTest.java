package org.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.testing.TestData.gzip;
import static org.mnistlab.testing.TestData.idxImages;
import static org.mnistlab.testing.TestData.idxLabels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdxReaderTest {

    @Test
    void rawAndGzippedImagesReadTheSamePixels() {
        byte[] raw = idxImages(2051, 3, 28, 28, 3 * 784);
        IdxReader.Images plain = IdxReader.readImages("a", new ByteArrayInputStream(raw));
        IdxReader.Images zipped = IdxReader.readImages("a.gz", new ByteArrayInputStream(gzip(raw)));
        assertEquals(3, plain.count());
        assertArrayEquals(Arrays.copyOfRange(raw, 16, raw.length), plain.pixels());
        assertArrayEquals(plain.pixels(), zipped.pixels());
    }

    @Test
    void labelsAreRead() {
        byte[] labels = IdxReader.readLabels("l", new ByteArrayInputStream(idxLabels(2049, 12, 12)));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, labels);
    }

    static Stream<Arguments> badImageFiles() {
        return Stream.of(
                Arguments.of("truncated pixels", idxImages(2051, 3, 28, 28, 2 * 784), "truncated"),
                Arguments.of("truncated header", Arrays.copyOf(idxImages(2051, 1, 28, 28, 784), 10), "truncated"),
                Arguments.of("wrong magic", idxImages(1234, 1, 28, 28, 784), "wrong magic number 1234"),
                Arguments.of("a label file", idxImages(2049, 1, 28, 28, 784), "looks like a label file"),
                Arguments.of("not 28x28", idxImages(2051, 1, 32, 32, 1024), "32×32"),
                Arguments.of("trailing bytes", idxImages(2051, 1, 28, 28, 785), "unexpected bytes"),
                Arguments.of("truncated gzip", Arrays.copyOf(gzip(idxImages(2051, 9, 28, 28, 9 * 784)), 60), "gzip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badImageFiles")
    void badImageFileIsReportedWithItsNameAndProblem(String what, byte[] bytes, String problem) {
        DataFileException e = assertThrows(DataFileException.class,
                () -> IdxReader.readImages("images.idx", new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().startsWith("images.idx: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of(true, Arrays.copyOf(idxImages(2051, 1, 28, 28, 0), 10),
                        "images.idx: truncated: 10 bytes is shorter than the 16-byte IDX image header"),
                Arguments.of(false, Arrays.copyOf(idxLabels(2049, 1, 0), 5),
                        "labels.idx: truncated: 5 bytes is shorter than the 8-byte IDX label header"),
                Arguments.of(true, idxImages(2049, 1, 28, 28, 784),
                        "images.idx: wrong magic number 2049 (an IDX image file starts with 2051; "
                                + "this looks like a label file)"),
                Arguments.of(false, idxLabels(2051, 1, 1),
                        "labels.idx: wrong magic number 2051 (an IDX label file starts with 2049; "
                                + "this looks like an image file)"),
                Arguments.of(false, idxLabels(7, 1, 1),
                        "labels.idx: wrong magic number 7 (an IDX label file starts with 2049)"),
                Arguments.of(true, idxImages(2051, -3, 28, 28, 0), "images.idx: negative image count -3"),
                Arguments.of(false, idxLabels(2049, -3, 0), "labels.idx: negative label count -3"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badHeaders")
    void badHeaderOfAnImageOrLabelFileIsReportedWordForWord(boolean images, byte[] bytes, String message) {
        DataFileException e = assertThrows(DataFileException.class, () -> {
            if (images) IdxReader.readImages("images.idx", new ByteArrayInputStream(bytes));
            else IdxReader.readLabels("labels.idx", new ByteArrayInputStream(bytes));
        });
        assertEquals(message, e.getMessage());
    }

    @Test
    void corruptGzipDataIsReportedAsCorrupt() {
        byte[] zipped = gzip(idxImages(2051, 9, 28, 28, 9 * 784));
        byte[] damagedBody = zipped.clone();
        for (int i = 20; i < 40; i++) damagedBody[i] ^= 0x5A;
        byte[] damagedChecksum = zipped.clone();
        damagedChecksum[zipped.length - 6] ^= 1; // the CRC-32 in the gzip trailer
        for (byte[] bytes : List.of(damagedBody, damagedChecksum)) {
            DataFileException e = assertThrows(DataFileException.class,
                    () -> IdxReader.readImages("images.gz", new ByteArrayInputStream(bytes)));
            assertTrue(e.getMessage().startsWith("images.gz: corrupt gzip data"), e.getMessage());
        }
    }

    @Test
    void gzipThatInflatesToGigabytesIsRefusedWithoutReadingItAll() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i <= IdxReader.MAX_BYTES >> 20; i++) gz.write(zeros);
        }
        DataFileException e = assertThrows(DataFileException.class,
                () -> IdxReader.readImages("bomb.gz", new ByteArrayInputStream(bomb.toByteArray())));
        assertTrue(e.getMessage().startsWith("bomb.gz: is larger than 256 MB once unpacked"), e.getMessage());
    }

    @Test
    void labelOutsideZeroToNineIsRejected() {
        byte[] bytes = idxLabels(2049, 2, 2);
        bytes[9] = 12;
        DataFileException e = assertThrows(DataFileException.class,
                () -> IdxReader.readLabels("labels.idx", new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("label 12 at index 1"), e.getMessage());
    }

    @Test
    void truncatedLabelFileIsReportedWithItsName() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> IdxReader.readLabels("labels.idx", new ByteArrayInputStream(idxLabels(2049, 10, 4))));
        assertTrue(e.getMessage().startsWith("labels.idx: truncated"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aFileThatCannotBeReadForLackOfPermissionSaysPermissionDenied() {
        java.io.InputStream denied = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.nio.file.AccessDeniedException("/data/train-images-idx3-ubyte");
            }
        };
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
                () -> IdxReader.readImages("/data/train-images-idx3-ubyte", denied));
        org.junit.jupiter.api.Assertions.assertEquals(
                "/data/train-images-idx3-ubyte: cannot be read (permission denied)", e.getMessage());
    }
}
