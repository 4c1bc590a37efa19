package org.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.testing.TestData;

class MnistLoaderTest {

    @Test
    void bundledMnistHasSixtyThousandTrainingAndTenThousandTestImages() {
        MnistData data = TestData.mnist();
        assertEquals(60_000, data.train().count());
        assertEquals(10_000, data.test().count());
        // The first images of each half are a 5 and a 7 in every copy of MNIST.
        assertEquals(5, data.train().label(0));
        assertEquals(7, data.test().label(0));
    }

    @Test
    void folderWithRawAndGzippedFilesLoads(@TempDir Path dir) throws IOException {
        MnistData data = MnistLoader.loadFolder(TestData.tinyMnistFolder(dir, 30, 10));
        assertEquals(30, data.train().count());
        assertEquals(10, data.test().count());
    }

    @Test
    void testHalfLoadsWithoutTheTrainingFiles(@TempDir Path dir) throws IOException {
        TestData.tinyMnistFolder(dir, 30, 10);
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
        assertEquals(10, MnistLoader.loadTest(dir).count());
    }

    @Test
    void bundledTestHalfIsTheTestHalfOfTheBundledMnist() {
        DigitSet test = MnistLoader.loadTest(null);
        DigitSet expected = TestData.mnist().test();
        assertEquals(expected.count(), test.count());
        for (int i : new int[] {0, 1, 9_999}) {
            assertEquals(expected.label(i), test.label(i));
            assertArrayEquals(expected.intensities(i), test.intensities(i));
        }
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) throws IOException {
        TestData.tinyMnistFolder(dir, 30, 10);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        DataFileException e = assertThrows(DataFileException.class, () -> MnistLoader.loadFolder(dir));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte") && e.getMessage().contains("not found"),
                e.getMessage());
    }

    @Test
    void mismatchedImageAndLabelCountsAreReported(@TempDir Path dir) throws IOException {
        TestData.tinyMnistFolder(dir, 30, 10);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), TestData.idxLabels(2049, 9, 9));
        DataFileException e = assertThrows(DataFileException.class, () -> MnistLoader.loadFolder(dir));
        assertTrue(e.getMessage().contains("has 9 labels but") && e.getMessage().contains("10 images"),
                e.getMessage());
    }

    @Test
    void truncatedFileInAFolderIsNamed(@TempDir Path dir) throws IOException {
        TestData.tinyMnistFolder(dir, 30, 10);
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, java.util.Arrays.copyOf(Files.readAllBytes(images), 5000));
        DataFileException e = assertThrows(DataFileException.class, () -> MnistLoader.loadFolder(dir));
        assertTrue(e.getMessage().startsWith(images.toString() + ": truncated"), e.getMessage());
    }
}
