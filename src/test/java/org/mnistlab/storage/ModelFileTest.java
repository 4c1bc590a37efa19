package org.mnistlab.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.Normalization;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.SpecJson;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.testing.TestData;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ModelFileTest {
    private static final NetworkSpec SPEC = NetworkSpec.builder()
            .hiddenLayers(List.of(new HiddenLayer(16, ActivationKind.TANH)))
            .normalization(Normalization.STANDARDIZE).build();

    private static TrainedModel freshModel() {
        return new TrainedModel(SPEC, Dl4jNetworks.create(SPEC));
    }

    @Test
    void savedAndLoadedModelGivesIdenticalOutputs(@TempDir Path dir) {
        TrainedModel model = freshModel();
        Path file = dir.resolve("sub/model.zip");
        ModelFile.save(model, 0.5, file);

        ModelFile.Loaded loaded = ModelFile.read(file);
        assertEquals(SPEC, loaded.model().spec(), "spec, and with it the normalisation, travels along");
        assertEquals(0.5, loaded.metadata().testAccuracy());
        for (int i = 0; i < 5; i++) {
            float[] image = TestData.mnist().test().intensities(i);
            assertArrayEquals(model.probabilities(image), loaded.model().probabilities(image), 0f);
        }
    }

    @Test
    void saveLeavesNoTemporaryFilesAndReplacesTheOldModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        Files.writeString(file, "old");
        ModelFile.save(freshModel(), null, file);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(Files.size(file) > 1000);
    }

    @Test
    void failedSaveKeepsThePreviousFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(freshModel(), null, file);
        byte[] before = Files.readAllBytes(file);
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "x");
        assertThrows(ModelFileException.class, () -> ModelFile.save(freshModel(), null, blocked.resolve("m.zip")));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void fileThatIsNotAZipIsReportedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.zip");
        Files.writeString(file, "these are my notes");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": is not a model file (not a readable zip archive)", e.getMessage());
    }

    @Test
    void zipThatIsNotAModelIsReportedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("photos.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("cat.jpg"));
            zip.write(new byte[] {1, 2, 3});
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("is a zip file but not a model"), e.getMessage());
    }

    @Test
    void truncatedZipIsReportedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(freshModel(), null, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": is not a model file (not a readable zip archive)", e.getMessage());
    }

    @Test
    void modelForAnotherInputSizeIsRefusedBeforeItIsBuilt(@TempDir Path dir) throws IOException {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(100).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        Path file = dir.resolve("ten-by-ten.zip");
        ModelSerializer.writeModel(network, file.toFile(), false);
        writeMetadata(file, SpecJson.toJson(new ModelMetadata(1, SPEC, null)));

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": its network (100-16-10) does not match its settings "
                + "(784-16-10); MNIST Lab needs 784 inputs"), e.getMessage());
    }

    @Test
    void modelFromANewerFormatIsRefusedSayingSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("future.zip");
        ModelFile.save(freshModel(), null, file);
        writeMetadata(file, SpecJson.toJson(new ModelMetadata(7, SPEC, null)));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": was saved by a newer MNIST Lab (model format 7); this version reads format 1",
                e.getMessage());
    }

    private static void writeMetadata(Path zip, String json) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            Files.writeString(fs.getPath(ModelFile.METADATA_ENTRY), json);
        }
    }

    @Test
    void bundledDefaultModelLoadsAndReadsMnistTestDigits() {
        ModelFile.Loaded loaded = ModelFile.loadBundledDefault();
        assertEquals("784-512-256-10", loaded.model().spec().architecture());
        assertTrue(loaded.metadata().testAccuracy() > 0.96, "saved accuracy " + loaded.metadata().testAccuracy());
        DigitSet test = TestData.mnist().test();
        int correct = 0;
        for (int i = 0; i < 100; i++) {
            if (TrainedModel.argMax(loaded.model().probabilities(test.intensities(i))) == test.label(i)) correct++;
        }
        assertTrue(correct >= 95, correct + " of the first 100 test digits read correctly");
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(dir.resolve("none.zip")));
        assertTrue(e.getMessage().endsWith("not found"), e.getMessage());
    }

    @Test
    void aFullDiskDuringASaveGivesOneLineNoStackTraceAndLeavesOnlyThePreviousFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(freshModel(), 0.5, file);
        byte[] before = Files.readAllBytes(file);
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        ModelFileException e;
        System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            // Room for the weights but not for what comes after them, as on the 64 KiB tmpfs.
            AtomicFile almostFull = new AtomicFile(out -> new AtomicFileTest.FullDisk(out, before.length - 200));
            e = assertThrows(ModelFileException.class, () -> ModelFile.save(freshModel(), null, file, almostFull));
        } finally {
            System.setErr(original);
        }
        assertEquals(file + ": could not be saved (the disk is full)", e.getMessage());
        assertEquals("", stderr.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing printed besides the message");
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no .partial and no zipfstmp file");
        }
    }

    @Test
    void aSavedModelIsDl4jsZipWithTheSettingsInsideWrittenInOnePass(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(freshModel(), 0.5, file);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            // SGD keeps no updater state; DL4J writes updaterState.bin only for optimizers that do.
            assertEquals(List.of("configuration.json", "coefficients.bin", ModelFile.METADATA_ENTRY),
                    java.util.Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList());
        }
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertEquals(freshModel().network().numParams(), restored.numParams(), "DL4J's own loader reads it");
        NetworkSpec adam = SPEC.toBuilder().optimizer(org.mnistlab.network.OptimizerKind.ADAM).build();
        TrainedModel withState = new TrainedModel(adam, Dl4jNetworks.create(adam));
        ModelFile.save(withState, null, file);
        MultiLayerNetwork adamRestored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertEquals(withState.network().getUpdater().getStateViewArray(), adamRestored.getUpdater().getStateViewArray());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "/                 | names a folder, not a file (give a file name such as model.zip)",
        "''                | names a folder, not a file (give a file name such as model.zip)",
        "FOLDER            | is a folder; MNIST Lab only replaces regular files",
        "FILE/m.zip        | FILE is a file, not a folder",
        "/proc/m.zip       | no such file or folder",
        "/dev/null         | is not a regular file (a character device); MNIST Lab only replaces regular files"})
    void aTargetThatCannotBeSavedIsFoundBeforeAnyWork(String target, String problem, @TempDir Path dir)
            throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        String name = target.replace("FOLDER", folder.toString()).replace("FILE", file.toString());
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.requireSavable(Path.of(name)));
        assertEquals(name + ": cannot be saved there: " + problem.replace("FILE", file.toString()), e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"formatVersion\":1}", "{\"formatVersion\":1,\"spec\":null}"})
    void settingsWithoutASpecAreRefusedInOneLine(String json, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(freshModel(), null, file);
        writeMetadata(file, json);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": its settings (mnistlab-model.json) have no network spec", e.getMessage());
    }

    @Test
    void settingsThatUnpackToGigabytesAreRefusedByNameBeforeTheyAreRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bomb.zip");
        ModelFile.save(freshModel(), null, file);
        try (FileSystem fs = FileSystems.newFileSystem(file);
             OutputStream out = Files.newOutputStream(fs.getPath(ModelFile.METADATA_ENTRY))) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) out.write(spaces); // deflates to a few kB
        }
        assertTrue(Files.size(file) < 1 << 20, "a small file");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + ": its entry mnistlab-model.json unpacks to more than 64 kB, more than any MNIST Lab "
                + "model holds; the file is damaged or not a model", e.getMessage());
    }

    @Test
    void anExtraEntryThatUnpacksToGigabytesIsRefusedByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bomb.zip");
        ModelFile.save(freshModel(), null, file);
        try (FileSystem fs = FileSystems.newFileSystem(file);
             OutputStream out = Files.newOutputStream(fs.getPath("padding.bin"))) {
            out.write(new byte[8 << 20]);
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": its entry padding.bin unpacks to more than 64 kB"), e.getMessage());
    }

    @Test
    void damagedWeightsAreDescribedInWords(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(freshModel(), null, file);
        try (FileSystem fs = FileSystems.newFileSystem(file)) {
            Files.write(fs.getPath("coefficients.bin"), new byte[] {0, 0, 0, 1, 7});
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": its weights (coefficients.bin) are damaged: "), e.getMessage());
        assertFalse(e.getMessage().endsWith("Exception)"), e.getMessage());
    }

    @Test
    void theSuggestedFileNameSaysTheRunItsArchitectureAndItsAccuracy() {
        org.junit.jupiter.api.Assertions.assertEquals("run-3-784-64-32-10-97.1pct.zip",
                ModelFile.suggestedName(3, "784-64-32-10", 0.97123));
        org.junit.jupiter.api.Assertions.assertEquals("run-12-784-10.zip", ModelFile.suggestedName(12, "784-10", null),
                "not measured yet: no accuracy in the name");
    }
}
