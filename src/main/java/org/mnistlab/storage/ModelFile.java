package org.mnistlab.storage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistlab.FileProblems;
import org.mnistlab.LabException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.SpecJson;
import org.mnistlab.network.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.core.JsonProcessingException;

/**
 * Saves and loads models as single zip files.
 *
 * <p>The zip is DL4J's own format (so DL4J tools can open it), plus one JSON entry holding the
 * spec. A save writes a temporary file beside the target and then renames it into place: a crash
 * or a kill mid-save leaves the previous file untouched.
 */
public final class ModelFile {
    public static final String METADATA_ENTRY = "mnistlab-model.json";
    public static final int FORMAT_VERSION = 1;
    /** The default model inside the application; the build copies it from {@code assets/models/}. */
    public static final String BUNDLED_DEFAULT = "/assets/models/default-model.zip";
    /** Entries every DL4J {@code ModelSerializer} zip has. */
    private static final String[] DL4J_ENTRIES = {"configuration.json", "coefficients.bin"};

    private ModelFile() {}

    public static void save(TrainedModel model, Double testAccuracy, Path target) {
        save(model, testAccuracy, target, AtomicFile.DISK);
    }

    /** {@code files} is the disk, or in tests a disk that fills up. */
    static void save(TrainedModel model, Double testAccuracy, Path target, AtomicFile files) {
        try {
            files.writeStream(target, out -> writeZip(model, new ModelMetadata(FORMAT_VERSION, model.spec(), testAccuracy), out));
        } catch (IOException e) {
            throw new ModelFileException(target.toString(), "could not be saved (" + FileProblems.describe(e) + ")", e);
        }
    }

    /**
     * Removes what saves killed more than a day ago left in {@code folder} (see
     * {@link AtomicFile#removeStale}), and says so in the log.
     */
    public static void removeStaleTemporaryFiles(Path folder) {
        List<Path> removed = AtomicFile.removeStale(folder, java.time.Duration.ofDays(1));
        if (!removed.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(ModelFile.class).warn("Removed {} temporary file{} that interrupted "
                    + "saves left in {}: {}", removed.size(), removed.size() == 1 ? "" : "s", folder,
                    removed.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * Checks that a model can be saved at {@code target} before anything is trained, so a bad
     * {@code --out} is found in a second, not after an hour of training.
     */
    public static void requireSavable(Path target) {
        try {
            AtomicFile.requireWritable(target);
        } catch (IOException e) {
            throw new ModelFileException(target.toString(), "cannot be saved there: " + FileProblems.describe(e), e);
        }
    }

    public static TrainedModel load(Path file) {
        return read(file).model();
    }

    /** A loaded model and what was saved with it. */
    public record Loaded(TrainedModel model, ModelMetadata metadata) {}

    /**
     * A file name that says which model it is, for Save model…: {@code run-3-784-64-32-10-97.1pct.zip},
     * the run, its architecture and its test accuracy ({@code null} when not measured: left out).
     */
    public static String suggestedName(long run, String architecture, Double testAccuracy) {
        return "run-" + run + "-" + architecture
                + (testAccuracy == null || testAccuracy.isNaN() ? ""
                        : String.format(java.util.Locale.ROOT, "-%.1fpct", 100 * testAccuracy)) + ".zip";
    }

    public static Loaded read(Path file) {
        String name = file.toString();
        if (name.isEmpty()) throw new ModelFileException("(empty name)", "give the model file's name");
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(name, Files.exists(file) ? "is not a regular file" : "not found");
        }
        ModelMetadata metadata;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            metadata = readMetadata(zip, name);
            checkConfiguration(zip, name, metadata.spec());
        } catch (ZipException e) {
            throw new ModelFileException(name, "is not a model file (not a readable zip archive)", e);
        } catch (IOException e) {
            throw new ModelFileException(name, "cannot be read (" + FileProblems.describe(e) + ")", e);
        }
        checkEntrySizes(file, name, metadata.spec());
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (OutOfMemoryError e) {
            throw new ModelFileException(name, "the network inside is too large for the memory Java has", e);
        } catch (Exception e) {
            throw new ModelFileException(name, "its weights (" + ModelSerializer.COEFFICIENTS_BIN
                    + ") are damaged: " + inWords(e), e);
        }
        return new Loaded(new TrainedModel(metadata.spec(), network), metadata);
    }

    /** The most each entry may unpack to; DL4J's loader reads every entry whole into memory. */
    static long entryLimit(String entry, NetworkSpec spec) {
        long parameters = spec.parameterCount();
        return switch (entry) {
            case METADATA_ENTRY -> MAX_METADATA_BYTES;
            case ModelSerializer.CONFIGURATION_JSON -> MAX_CONFIGURATION_BYTES;
            // float32 or float64 values plus Nd4j.write's header; updater state is at most two per weight.
            case ModelSerializer.COEFFICIENTS_BIN -> 8 * parameters + (64 << 10);
            case ModelSerializer.UPDATER_BIN -> 16 * parameters + (64 << 10);
            default -> 64 << 10;
        };
    }

    /** The settings entry is a few kB; the configuration of the largest network the lab allows is under 100 kB. */
    static final int MAX_METADATA_BYTES = 64 << 10;
    static final int MAX_CONFIGURATION_BYTES = 4 << 20;

    /**
     * Unpacks every entry once, counting, and refuses one larger than it can be: a small zip can
     * unpack to gigabytes. Read as DL4J reads it, entry by entry from the start of the file.
     */
    private static void checkEntrySizes(Path file, String name, NetworkSpec spec) {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] buffer = new byte[1 << 16];
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                long limit = entryLimit(entry.getName(), spec);
                long size = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    size += n;
                    if (size > limit) throw tooLarge(name, entry.getName(), limit);
                }
            }
        } catch (ZipException e) {
            throw new ModelFileException(name, "is damaged: its zip data is corrupt (" + inWords(e) + ")", e);
        } catch (IOException e) {
            throw new ModelFileException(name, "cannot be read (" + FileProblems.describe(e) + ")", e);
        }
    }

    private static ModelFileException tooLarge(String name, String entry, long limit) {
        return new ModelFileException(name, "its entry " + entry + " unpacks to more than "
                + (limit >= 1 << 20 ? (limit >> 20) + " MB" : (limit >> 10) + " kB")
                + ", more than any MNIST Lab model holds; the file is damaged or not a model");
    }

    /** Bytes of one entry, refused by name when larger than {@code limit}. */
    private static byte[] readEntry(ZipFile zip, ZipEntry entry, String name, int limit) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) throw tooLarge(name, entry.getName(), limit);
            return bytes;
        }
    }

    /** An exception's message for a person: its own words if it has any, cut short, else what kind it is. */
    private static String inWords(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root.getMessage().isBlank())) {
            root = root.getCause();
        }
        String text = root.getMessage();
        if (text == null || text.isBlank()) {
            return root instanceof java.io.EOFException ? "the data ends too soon" : "unreadable data";
        }
        text = text.lines().findFirst().orElse("").trim();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    /**
     * The small model shipped with the lab, so the drawing pad reads digits before anything has
     * been trained. How it was made is in {@code assets/models/README.md}.
     *
     * <p>Read through a temporary file: the metadata is read with {@link ZipFile}, which needs a
     * file, and {@code ModelSerializer} copies any stream to a temporary file itself anyway.
     */
    public static Loaded loadBundledDefault() {
        try (InputStream in = ModelFile.class.getResourceAsStream(BUNDLED_DEFAULT)) {
            if (in == null) {
                throw new ModelFileException(BUNDLED_DEFAULT, "is missing from the application "
                        + "(rebuild it with Maven; see assets/models/README.md)");
            }
            Path temp = Files.createTempFile("mnistlab-default-model", ".zip");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                return read(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ModelFileException(BUNDLED_DEFAULT, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** Throws ZipException or IOException when the zip itself cannot be read; {@link #read} names those. */
    private static ModelMetadata readMetadata(ZipFile zip, String name) throws IOException {
        try {
            for (String entry : DL4J_ENTRIES) {
                if (zip.getEntry(entry) == null) {
                    throw new ModelFileException(name, "is a zip file but not a model (no " + entry + ")");
                }
            }
            ZipEntry entry = zip.getEntry(METADATA_ENTRY);
            if (entry == null) {
                throw new ModelFileException(name, "is a DL4J model but not an MNIST Lab model (no "
                        + METADATA_ENTRY + ")");
            }
            String json = new String(readEntry(zip, entry, name, MAX_METADATA_BYTES), StandardCharsets.UTF_8);
            int version = SpecJson.MAPPER.readTree(json).path("formatVersion").asInt(-1);
            if (version > FORMAT_VERSION) {
                throw new ModelFileException(name, "was saved by a newer MNIST Lab (model format "
                        + version + "); this version reads format " + FORMAT_VERSION);
            }
            if (version < 1) {
                throw new ModelFileException(name, "has no valid model format version");
            }
            ModelMetadata metadata = SpecJson.fromJson(json, ModelMetadata.class);
            if (metadata == null || metadata.spec() == null) {
                throw new ModelFileException(name, "its settings (" + METADATA_ENTRY + ") have no network spec");
            }
            return metadata;
        } catch (ModelFileException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new ModelFileException(name, "its settings (" + METADATA_ENTRY + ") are not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (LabException e) {
            throw new ModelFileException(name, "its settings are invalid (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Compares the layer sizes DL4J would allocate with the spec before anything is allocated: a
     * damaged or foreign configuration could otherwise ask for gigabytes of weights.
     */
    private static void checkConfiguration(ZipFile zip, String name, NetworkSpec spec) {
        MultiLayerConfiguration configuration;
        try {
            String json = new String(readEntry(zip, zip.getEntry(ModelSerializer.CONFIGURATION_JSON), name,
                    MAX_CONFIGURATION_BYTES), StandardCharsets.UTF_8);
            configuration = MultiLayerConfiguration.fromJson(json);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(name, "its network configuration (" + ModelSerializer.CONFIGURATION_JSON
                    + ") is damaged: " + inWords(e), e);
        }
        int[] widths = spec.layerWidths();
        List<NeuralNetConfiguration> layers = configuration.getConfs();
        boolean matches = layers.size() == widths.length - 1;
        for (int i = 0; matches && i < layers.size(); i++) {
            matches = layers.get(i).getLayer() instanceof FeedForwardLayer layer
                    && layer.getNIn() == widths[i] && layer.getNOut() == widths[i + 1];
        }
        if (!matches) {
            throw new ModelFileException(name, "its network (" + describe(layers) + ") does not match its settings ("
                    + spec.architecture() + "); MNIST Lab needs 784 inputs (28×28) and 10 outputs");
        }
    }

    private static String describe(List<NeuralNetConfiguration> layers) {
        StringBuilder text = new StringBuilder();
        for (NeuralNetConfiguration conf : layers) {
            if (!(conf.getLayer() instanceof FeedForwardLayer layer)) return layers.size() + " layers";
            if (text.length() == 0) text.append(layer.getNIn());
            text.append('-').append(layer.getNOut());
        }
        return text.length() == 0 ? "no layers" : text.toString();
    }

    /**
     * DL4J's own zip layout ({@code ModelSerializer.writeModel}: the configuration JSON, the
     * parameters and the updater state, each through {@code Nd4j.write}) plus the metadata entry,
     * written in one pass. {@code ModelSerializer} closes its zip, so adding the metadata after it
     * meant rewriting the whole file in place, which on a full disk left a {@code zipfstmp} file
     * and a stack trace.
     */
    private static void writeZip(TrainedModel model, ModelMetadata metadata, OutputStream out) throws IOException {
        MultiLayerNetwork network = model.network();
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(ModelSerializer.CONFIGURATION_JSON));
        zip.write(network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry(ModelSerializer.COEFFICIENTS_BIN));
        writeArray(network.params(), zip);
        INDArray updaterState = network.getUpdater().getStateViewArray();
        if (updaterState != null && updaterState.length() > 0) {
            zip.putNextEntry(new ZipEntry(ModelSerializer.UPDATER_BIN));
            writeArray(updaterState, zip);
        }
        zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
        zip.write(SpecJson.toJson(metadata).getBytes(StandardCharsets.UTF_8));
        zip.finish();
    }

    private static void writeArray(INDArray array, ZipOutputStream zip) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the zip stays open for the next entry
            }
        }));
        Nd4j.write(array, data);
        data.close();
    }
}
