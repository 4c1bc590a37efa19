package org.mnistlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Loads MNIST from the copy bundled with the app (the default) or from a folder the user names.
 *
 * <p>A folder must hold the four standard file names, each raw or with {@code .gz}.
 */
public final class MnistLoader {
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final String BUNDLED = "/assets/mnist/";
    private static final List<String> ALL = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private MnistLoader() {}

    /** The full MNIST shipped inside the app: 60,000 training and 10,000 test images. */
    public static MnistData loadBundled() {
        return new MnistData(
                readSet(bundled(TRAIN_IMAGES), bundled(TRAIN_LABELS)),
                readSet(bundled(TEST_IMAGES), bundled(TEST_LABELS)));
    }

    /** MNIST from {@code folder}; each file may be raw IDX or gzip'd with a .gz suffix. */
    public static MnistData loadFolder(Path folder) {
        requireFolder(folder);
        return new MnistData(
                readSet(inFolder(folder, TRAIN_IMAGES), inFolder(folder, TRAIN_LABELS)),
                readSet(inFolder(folder, TEST_IMAGES), inFolder(folder, TEST_LABELS)));
    }

    /** {@code folder == null} means the bundled copy. */
    public static MnistData load(Path folder) {
        return folder == null ? loadBundled() : loadFolder(folder);
    }

    /**
     * Only the test half, for work that judges a model and never trains one: the training files
     * are neither read nor required. {@code folder == null} means the bundled copy.
     */
    public static DigitSet loadTest(Path folder) {
        if (folder == null) {
            return readSet(bundled(TEST_IMAGES), bundled(TEST_LABELS));
        }
        requireFolder(folder);
        return readSet(inFolder(folder, TEST_IMAGES), inFolder(folder, TEST_LABELS));
    }

    /** The resource names of the bundled copy, in the order train images, train labels, test images, test labels. */
    public static List<String> bundledResources() {
        return ALL.stream().map(base -> BUNDLED + base + ".gz").toList();
    }

    /** The files {@link #loadFolder} reads from {@code folder} (raw or .gz), in the same order. */
    public static List<Path> folderFiles(Path folder) {
        requireFolder(folder);
        return ALL.stream().map(base -> fileInFolder(folder, base)).toList();
    }

    /** A file to read: its name for messages, and how to open it. */
    private record Source(String name, Opener opener) {
        /** Opens the file and parses it with {@code parse}, which is given the name for its messages. */
        <T> T read(BiFunction<String, InputStream, T> parse) {
            try (InputStream in = opener.open()) {
                return parse.apply(name, in);
            } catch (IOException e) {
                throw new DataFileException(name, "cannot be read (" + e.getMessage() + ")", e);
            }
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static DigitSet readSet(Source imagesFile, Source labelsFile) {
        IdxReader.Images images = imagesFile.read(IdxReader::readImages);
        byte[] labels = labelsFile.read(IdxReader::readLabels);
        if (labels.length != images.count()) {
            throw new DataFileException(labelsFile.name(), "has " + labels.length
                    + " labels but " + imagesFile.name() + " has " + images.count() + " images");
        }
        return new DigitSet(images.count(), images.pixels(), labels);
    }

    private static void requireFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DataFileException(folder.toString(), "is not a folder");
        }
    }

    private static Source bundled(String baseName) {
        String resource = BUNDLED + baseName + ".gz";
        return new Source("bundled " + baseName + ".gz", () -> {
            InputStream in = MnistLoader.class.getResourceAsStream(resource);
            if (in == null) {
                throw new NoSuchFileException(resource + " is missing from the application");
            }
            return in;
        });
    }

    private static Source inFolder(Path folder, String baseName) {
        Path file = fileInFolder(folder, baseName);
        return new Source(file.toString(), () -> Files.newInputStream(file));
    }

    private static Path fileInFolder(Path folder, String baseName) {
        Path raw = folder.resolve(baseName);
        Path gz = folder.resolve(baseName + ".gz");
        Path file = Files.exists(raw) ? raw : gz;
        if (!Files.exists(file)) {
            throw new DataFileException(raw.toString(), "not found (also looked for "
                    + gz.getFileName() + ")");
        }
        return file;
    }
}
