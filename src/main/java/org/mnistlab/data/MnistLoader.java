package org.mnistlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.BiFunction;
import org.mnistlab.FileProblems;

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
                throw new DataFileException(name, "cannot be read (" + FileProblems.describe(e) + ")", e);
            }
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static DigitSet readSet(Source imagesFile, Source labelsFile) {
        IdxReader.Images images = imagesFile.read(IdxReader::readImages);
        if (images.count() == 0) {
            // An accuracy over no images is NaN, and a model saved from it would store "NaN".
            throw new DataFileException(imagesFile.name(), "holds no images; a training or test set needs at least one");
        }
        byte[] labels = labelsFile.read(IdxReader::readLabels);
        if (labels.length != images.count()) {
            throw new DataFileException(labelsFile.name(), "has " + labels.length
                    + " labels but " + imagesFile.name() + " has " + images.count() + " images");
        }
        return new DigitSet(images.count(), images.pixels(), labels);
    }

    private static void requireFolder(Path folder) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DataFileException(folder.toString(), e instanceof NoSuchFileException ? "not found"
                    : "cannot be opened (" + FileProblems.describe(e) + ")", e);
        }
        if (!attributes.isDirectory()) {
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

    /** The regular file holding {@code baseName} in {@code folder}, raw or with .gz. */
    private static Path fileInFolder(Path folder, String baseName) {
        Path raw = folder.resolve(baseName);
        Path gz = folder.resolve(baseName + ".gz");
        BasicFileAttributes attributes = attributes(raw);
        Path file = raw;
        if (attributes == null) {
            attributes = attributes(gz);
            file = gz;
        }
        if (attributes == null) {
            throw new DataFileException(raw.toString(), "not found (also looked for "
                    + gz.getFileName() + ")");
        }
        if (!attributes.isRegularFile()) {
            // A FIFO or a device would block the read forever or never end.
            throw new DataFileException(file.toString(), attributes.isDirectory() ? "is a folder, not a file"
                    : "is not a regular file (a FIFO, a device or a socket); MNIST Lab reads only regular files");
        }
        return file;
    }

    /** The file's attributes, null when it is absent; "permission denied" and the like are reported. */
    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            throw new DataFileException(file.toString(), "cannot be read (" + FileProblems.describe(e) + ")", e);
        }
    }
}
