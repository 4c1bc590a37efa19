package org.mnistlab.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistlab.LabException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.SpecJson;
import org.mnistlab.network.TrainedModel;
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
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFile.write(target, temp -> {
                ModelSerializer.writeModel(model.network(), temp.toFile(), true);
                addMetadata(temp, new ModelMetadata(FORMAT_VERSION, model.spec(), testAccuracy));
            });
        } catch (IOException e) {
            throw new ModelFileException(target.toString(), "could not be saved ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    public static TrainedModel load(Path file) {
        return read(file).model();
    }

    /** A loaded model and what was saved with it. */
    public record Loaded(TrainedModel model, ModelMetadata metadata) {}

    public static Loaded read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(name, Files.exists(file) ? "is not a file" : "not found");
        }
        ModelMetadata metadata;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            metadata = readMetadata(zip, name);
            checkConfiguration(zip, name, metadata.spec());
        } catch (ZipException e) {
            throw new ModelFileException(name, "is not a model file (not a readable zip archive)", e);
        } catch (IOException e) {
            throw new ModelFileException(name, "cannot be read (" + e.getMessage() + ")", e);
        }
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (Exception | OutOfMemoryError e) {
            throw new ModelFileException(name, "the network inside could not be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return new Loaded(new TrainedModel(metadata.spec(), network), metadata);
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
            String json = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            int version = SpecJson.MAPPER.readTree(json).path("formatVersion").asInt(-1);
            if (version > FORMAT_VERSION) {
                throw new ModelFileException(name, "was saved by a newer MNIST Lab (model format "
                        + version + "); this version reads format " + FORMAT_VERSION);
            }
            if (version < 1) {
                throw new ModelFileException(name, "has no valid model format version");
            }
            return SpecJson.fromJson(json, ModelMetadata.class);
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
            String json = new String(zip.getInputStream(zip.getEntry("configuration.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            configuration = MultiLayerConfiguration.fromJson(json);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(name, "its network configuration could not be read ("
                    + e.getClass().getSimpleName() + ")", e);
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

    private static void addMetadata(Path zip, ModelMetadata metadata) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip);
             OutputStream out = Files.newOutputStream(fs.getPath(METADATA_ENTRY))) {
            out.write(SpecJson.toJson(metadata).getBytes(StandardCharsets.UTF_8));
        }
    }
}
