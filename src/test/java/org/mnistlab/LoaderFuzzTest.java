package org.mnistlab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.IdxReader;
import org.mnistlab.drawing.ImageFiles;
import org.mnistlab.drawing.MouseDigitRenderer;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.SpecJson;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Random and mutated bytes for the three loaders that read files from elsewhere. Whatever the
 * bytes, the only thing that may come out is a {@link LabException} with a message; anything else
 * (a NullPointerException, an ArrayIndexOutOfBounds, an OutOfMemoryError) fails the test, and the
 * bytes that caused it are kept in the temporary folder under the name the failure gives.
 *
 * <p>Seeded, so a failure repeats; each loader also has a time budget, so a slow machine runs
 * fewer cases rather than a longer test.
 */
class LoaderFuzzTest {
    private static final long SEED = 20_240_501L;
    private static final long BUDGET_NANOS = 8_000_000_000L;

    @TempDir
    Path dir;

    /** What a loader does with one file's bytes. */
    private interface Loader {
        void load(byte[] bytes) throws Exception;
    }

    @Test
    void idxLoaderOnlyEverThrowsDataFileExceptions() throws Exception {
        byte[] images = TestData.idxImages(2051, 4, 28, 28, 4 * 784);
        byte[] labels = TestData.idxLabels(2049, 4, 4);
        List<byte[]> seeds = List.of(images, labels, TestData.gzip(images), TestData.gzip(labels));
        fuzz("idx images", seeds, 2000, bytes -> IdxReader.readImages("images", new ByteArrayInputStream(bytes)));
        fuzz("idx labels", seeds, 2000, bytes -> IdxReader.readLabels("labels", new ByteArrayInputStream(bytes)));
    }

    @Test
    void imageLoaderOnlyEverThrowsImageInputExceptions() throws Exception {
        BufferedImage digit = MouseDigitRenderer.render(4, 1);
        List<byte[]> seeds = new ArrayList<>();
        for (String format : List.of("png", "jpg", "gif", "bmp")) {
            BufferedImage image = format.equals("png") ? digit : MouseDigitRenderer.toGray(digit);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            seeds.add(out.toByteArray());
        }
        Path file = dir.resolve("image");
        fuzz("image", seeds, 1500, bytes -> {
            Files.write(file, bytes);
            ImageFiles.read(file);
        });
    }

    @Test
    void modelLoaderOnlyEverThrowsModelFileExceptions() throws Exception {
        NetworkSpec spec = NetworkSpec.builder().hiddenLayers(List.of(new HiddenLayer(8, ActivationKind.RELU))).build();
        Path valid = dir.resolve("valid.zip");
        ModelFile.save(new TrainedModel(spec, Dl4jNetworks.create(spec)), 0.5, valid);
        byte[] seed = Files.readAllBytes(valid);
        Map<String, byte[]> entries = entries(valid);
        Path file = dir.resolve("model.zip");
        Random structured = new Random(SEED + 1);
        fuzz("model", List.of(seed), 300, bytes -> {
            // Half the cases damage one entry inside an intact zip, to get past the zip's own
            // checksums into DL4J's and MNIST Lab's parsing.
            Files.write(file, structured.nextBoolean() ? bytes : rezipWithOneEntryMutated(entries, structured));
            ModelFile.load(file);
        });
    }

    /**
     * The settings entry, field by field: each field missing, null, and of every wrong JSON type,
     * and the whole entry missing, null, huge, or not an object. Only a one-line ModelFileException
     * may come out, never a NullPointerException or a silently reinterpreted value.
     */
    @Test
    void modelSettingsEntryWithAnyFieldMissingOrOfTheWrongTypeIsRefusedWithAMessage() throws Exception {
        NetworkSpec spec = NetworkSpec.builder().hiddenLayers(List.of(new HiddenLayer(8, ActivationKind.RELU))).build();
        Path valid = dir.resolve("valid.zip");
        ModelFile.save(new TrainedModel(spec, Dl4jNetworks.create(spec)), 0.5, valid);
        Map<String, byte[]> entries = entries(valid);
        String json = new String(entries.get(ModelFile.METADATA_ENTRY), java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode original = (ObjectNode) SpecJson.MAPPER.readTree(json);
        List<String> wrongValues = List.of("null", "true", "\"text\"", "1.5", "-1", "1e308", "[]", "{}", "[null]",
                "\"" + "9".repeat(5000) + "\"");
        List<String> cases = new ArrayList<>(List.of("", "null", "[]", "42", "\"spec\"", "{}", "{\"formatVersion\":1}",
                " ".repeat(200_000) + "{}"));
        for (List<String> field : fieldPaths(original, new ArrayList<>())) {
            ObjectNode missing = original.deepCopy();
            JsonNode holder = parentOf(missing, field);
            if (holder instanceof ObjectNode o) o.remove(field.get(field.size() - 1));
            else ((ArrayNode) holder).remove(Integer.parseInt(field.get(field.size() - 1)));
            cases.add(missing.toString());
            for (String wrong : wrongValues) {
                ObjectNode changed = original.deepCopy();
                JsonNode parent = parentOf(changed, field);
                String last = field.get(field.size() - 1);
                if (parent instanceof ObjectNode o) o.set(last, SpecJson.MAPPER.readTree(wrong));
                else ((ArrayNode) parent).set(Integer.parseInt(last), SpecJson.MAPPER.readTree(wrong));
                cases.add(changed.toString());
            }
        }
        Path file = dir.resolve("settings.zip");
        int accepted = 0;
        for (String settings : cases) {
            Map<String, byte[]> changed = new LinkedHashMap<>(entries);
            changed.put(ModelFile.METADATA_ENTRY, settings.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Files.write(file, zip(changed));
            try {
                ModelFile.load(file);
                accepted++;
            } catch (LabException e) {
                assertFalse(e.getMessage().isBlank() || e.getMessage().lines().count() != 1, settings + ": " + e.getMessage());
            } catch (Throwable e) {
                fail("settings " + (settings.length() > 300 ? settings.substring(0, 300) + "…" : settings) + " threw " + e, e);
            }
        }
        // A model still loads when an optional field is missing or null (testAccuracy), or a number
        // stays in range; nothing else can be read as a model.
        assertTrue(accepted < cases.size() / 4, accepted + " of " + cases.size() + " accepted");
    }

    /** Every field and array element below the root, as a path of names and indices. */
    private static List<List<String>> fieldPaths(JsonNode node, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                paths.add(path);
                paths.addAll(fieldPaths(o.get(name), path));
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                List<String> path = new ArrayList<>(prefix);
                path.add(String.valueOf(i));
                paths.add(path);
                paths.addAll(fieldPaths(a.get(i), path));
            }
        }
        return paths;
    }

    private static JsonNode parentOf(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String step : path.subList(0, path.size() - 1)) {
            node = node instanceof ArrayNode a ? a.get(Integer.parseInt(step)) : node.get(step);
        }
        return node;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private void fuzz(String what, List<byte[]> seeds, int iterations, Loader loader) throws IOException {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (int i = 0; i < iterations && System.nanoTime() < deadline; i++) {
            byte[] bytes = i % 10 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                loader.load(bytes);
            } catch (LabException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), what + " case " + i + ": empty message");
            } catch (Throwable e) {
                Path kept = Files.write(dir.resolve(what + "-case-" + i), bytes);
                fail(what + " case " + i + " threw " + e + " (the bytes are in " + kept + ")", e);
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to three edits a damaged download or a careless tool could make. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 3 -> {
                    // An extreme 32-bit value, as in a header field: counts, sizes, lengths.
                    int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 28, 2049, 2051, 1 << 20};
                    if (at + 4 <= bytes.length) {
                        ByteBuffer.wrap(bytes, at, 4).putInt(extremes[random.nextInt(extremes.length)]);
                    }
                }
                case 4 -> {
                    byte[] longer = new byte[bytes.length + 1 + random.nextInt(64)];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    System.arraycopy(bytes, at, longer, longer.length - (bytes.length - at), bytes.length - at);
                    bytes = longer;
                }
                default -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(32));
                    for (int k = 0; k < length; k++) bytes[at + k] = 0;
                }
            }
        }
        return bytes;
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] rezipWithOneEntryMutated(Map<String, byte[]> entries, Random random) throws IOException {
        List<String> names = new ArrayList<>(entries.keySet());
        String victim = names.get(random.nextInt(names.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.equals(victim) ? mutate(entries.get(name), random) : entries.get(name));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
