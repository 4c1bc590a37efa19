package org.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistlab.data.DigitSet;
import org.mnistlab.drawing.PngPictures;
import org.mnistlab.network.SpecJson;
import org.mnistlab.testing.TestData;
import org.nd4j.shade.jackson.databind.JsonNode;

class CliTest {
    @TempDir
    static Path shared;
    private static Path model;

    /** What one CLI run printed, and its exit code. */
    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainSmallModel() {
        model = shared.resolve("model.zip");
        Result r = cli("train", "--layers", "64", "--lr", "0.1", "--batch", "50", "--epochs", "2",
                "--limit", "5000", "--out", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void trainJsonPrintsOneObjectPerEpochWithTheDocumentedKeys() throws Exception {
        Result r = cli("train", "--layers", "32", "--batch", "20", "--epochs", "2", "--limit", "1000", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.lines().size(), r.out());
        for (int i = 0; i < 2; i++) {
            JsonNode line = SpecJson.MAPPER.readTree(r.lines().get(i));
            assertEquals(i + 1, line.get("epoch").asInt());
            for (String key : List.of("train_loss", "test_loss", "test_accuracy", "samples_per_second")) {
                assertTrue(line.get(key).isNumber(), key + " in " + line);
            }
        }
        assertTrue(SpecJson.MAPPER.readTree(r.lines().get(1)).get("test_accuracy").asDouble() > 0.5, r.out());
        assertFalse(Files.list(Path.of(".")).anyMatch(p -> p.getFileName().toString().endsWith(".zip")),
                "nothing is written without --out");
    }

    @Test
    void aSweepTrainsOneRunPerRateOneAfterAnotherThenSummarisesThem() throws Exception {
        Result r = cli("train", "--layers", "16", "--batch", "50", "--epochs", "1", "--limit", "600",
                "--validation", "100", "--sweep", "0.5,0.05", "--json", "--no-record");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.lines()) lines.add(SpecJson.MAPPER.readTree(line));
        assertEquals(4, lines.size(), r.out());
        assertEquals(1, lines.get(0).get("epoch").asInt(), "the first run's epoch");
        assertEquals(0.5, lines.get(0).get("learning_rate").asDouble(), 0);
        assertEquals(0.05, lines.get(1).get("learning_rate").asDouble(), 0, "then the second run's");
        assertEquals(0.5, lines.get(2).get("sweep_learning_rate").asDouble(), 0);
        assertEquals(0.05, lines.get(3).get("sweep_learning_rate").asDouble(), 0);
        for (JsonNode summary : lines.subList(2, 4)) {
            assertTrue(summary.get("test_accuracy").isNumber() && summary.get("best_validation_accuracy").isNumber(),
                    summary.toString());
            assertEquals(1, summary.get("best_epoch").asInt());
        }
    }

    @Test
    void lrFindPrintsEachStepAndTheSuggestedRates() throws Exception {
        Result r = cli("lr-find", "--layers", "32", "--batch", "20", "--limit", "3000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode first = SpecJson.MAPPER.readTree(r.lines().get(0));
        assertEquals(1e-6, first.get("rate").asDouble(), 1e-15);
        JsonNode end = SpecJson.MAPPER.readTree(r.lines().get(r.lines().size() - 1));
        assertTrue(end.get("steepest").isNumber() && end.get("minimum_tenth").isNumber(), end.toString());
        assertTrue(end.get("explanation").asText().contains("falls fastest"), end.toString());
    }

    @Test
    void lrFindOnANetworkThatDivergesAtOnceSaysSoSuggestsNothingAndExitsOne() {
        Result r = cli("lr-find", "--layers", "32", "--batch", "20", "--limit", "1000", "--init", "uniform",
                "--init-scale", "10");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("diverges whatever the rate"), r.out());
        assertFalse(r.out().contains("suggested:"), r.out());
    }

    @Test
    void aScheduledRunGivesEachEpochsLastRateInItsJsonLine() throws Exception {
        Result r = cli("train", "--layers", "32", "--batch", "20", "--epochs", "2", "--limit", "1000",
                "--schedule", "step:1:0.5", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(0.05, SpecJson.MAPPER.readTree(r.lines().get(0)).get("learning_rate").asDouble(), 1e-12);
        assertEquals(0.025, SpecJson.MAPPER.readTree(r.lines().get(1)).get("learning_rate").asDouble(), 1e-12);
    }

    @Test
    void theNotebooksTooHighRateTrainsOnWithAHintInTheEpochItStalled() throws Exception {
        Result r = cli("train", "--layers", "64,32", "--optimizer", "sgd", "--batch", "100", "--epochs", "3",
                "--seed", "1", "--normalization", "standardize", "--init", "pytorch", "--lr", "0.9",
                "--limit", "6000", "--json");
        assertEquals(0, r.code(), "thrashing is not diverging: " + r.err());
        assertEquals(3, r.lines().size(), r.out());
        long hints = r.lines().stream().filter(l -> l.contains("\"hint\":\"the loss stopped falling: "
                + "the learning rate may be too high\"")).count();
        assertEquals(1, hints, "given once, in the epoch it was noticed: " + r.out());
    }

    @Test
    void trainNamesItsEngineAndDl4jFitCanBeChosenForComparison() {
        String[] run = {"train", "--layers", "16", "--optimizer", "rmsprop", "--lr", "0.001", "--batch", "50",
                "--epochs", "1", "--limit", "500"};
        Result fast = cli(run);
        assertEquals(0, fast.code(), fast.err());
        assertTrue(fast.lines().get(0).contains("fast path"), fast.out());
        List<String> dl4j = new ArrayList<>(List.of(run));
        dl4j.addAll(List.of("--engine", "dl4j"));
        Result reference = cli(dl4j.toArray(String[]::new));
        assertEquals(0, reference.code(), reference.err());
        assertTrue(reference.lines().get(0).contains("DL4J fit"), reference.out());
        assertEquals(2, cli("train", "--engine", "gpu", "--limit", "100").code(), "an unknown engine is a usage error");
    }

    @Test
    void aValidationSplitAddsItsLossAndAccuracyToTheJsonAndTheBestEpochToTheText() throws Exception {
        Result r = cli("train", "--layers", "32", "--batch", "50", "--epochs", "2", "--limit", "2000",
                "--validation", "500", "--json", "--no-record");
        assertEquals(0, r.code(), r.err());
        for (String line : r.lines()) {
            JsonNode json = SpecJson.MAPPER.readTree(line);
            for (String key : List.of("validation_loss", "validation_accuracy", "train_accuracy")) {
                assertTrue(json.get(key).isNumber(), key + " in " + line);
            }
        }
        Result text = cli("train", "--layers", "32", "--batch", "50", "--epochs", "2", "--limit", "2000",
                "--validation", "500", "--patience", "1", "--no-record");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("best validation accuracy "), text.out());
        assertTrue(text.out().contains(", best at epoch "), text.out());
        Result without = cli("train", "--layers", "32", "--batch", "50", "--epochs", "1", "--limit", "1000", "--json",
                "--no-record");
        assertFalse(without.out().contains("validation"), "no split, no validation keys: " + without.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--init=pytorchh", "--validation=0", "--validation=100", "--validation=-5",
            "--patience=2", "--patience=-1", "--bogus", "--lr=abc", "--lr=-1", "--lr=0", "--lr=NaN", "--lr=Infinity", "--lr=1e999",
            "--batch=0", "--batch=-5", "--batch=1.5", "--batch=99999999999", "--epochs=0", "--momentum=NaN",
            "--dropout=-0.1", "--l2=-Infinity", "--layers=64,x", "--layers=10000000", "--layers=64,-3",
            "--optimizer=lbfgs", "--activation=relu,tanh,relu", "--batch=101", "--augment=heavy", "--augment="})
    void badFlagOrValueExitsTwoWithOneLine(String flag) {
        Result r = cli("train", flag, "--limit", "100");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("mnist-lab train: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void runThatCannotFitInMemoryExitsTwoSayingHowMuchItNeeds() {
        Result r = cli("train", "--layers", String.join(",", java.util.Collections.nCopies(8, "4096")),
                "--batch", "60000", "--epochs", "1");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("mnist-lab train: batch size: this run would need about "), r.err());
        assertTrue(r.err().contains(" GB of memory but only about "), r.err());
    }

    @Test
    void unknownCommandExitsTwo() {
        assertEquals(2, cli("fly").code());
    }

    @Test
    void truncatedIdxFileExitsOneNamingTheFile(@TempDir Path dir) throws IOException {
        TestData.tinyMnistFolder(dir, 200, 50);
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, java.util.Arrays.copyOf(Files.readAllBytes(images), 1000));
        Result r = cli("train", "--data", dir.toString(), "--epochs", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(images.toString()) && r.err().contains("truncated"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void predictReadsDigitsFromPngFiles(@TempDir Path dir) throws Exception {
        DigitSet test = TestData.mnist().test();
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--json"));
        for (int i = 0; i < 10; i++) {
            Path png = dir.resolve("digit-" + i + ".png");
            ImageIO.write(enlarged(test.intensities(i)), "png", png.toFile());
            args.add(png.toString());
        }
        Result r = cli(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        int right = 0;
        for (int i = 0; i < 10; i++) {
            JsonNode line = SpecJson.MAPPER.readTree(r.lines().get(i));
            assertTrue(line.get("file").asText().endsWith("digit-" + i + ".png"));
            double sum = 0;
            for (JsonNode p : line.get("probabilities")) sum += p.asDouble();
            assertEquals(10, line.get("probabilities").size());
            assertEquals(1.0, sum, 1e-4);
            if (line.get("digit").asInt() == test.label(i)) right++;
        }
        assertTrue(right >= 8, right + " of 10 test digits read right");
    }

    @Test
    void predictReportsABlankImageAsBlank(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("empty.png");
        ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Result r = cli("predict", "--model", model.toString(), png.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("empty.png") && r.err().contains("blank"), r.err());
    }

    @Test
    void predictNamesEachUnreadableImageOnceInTextAndJson(@TempDir Path dir) throws Exception {
        Path blank = dir.resolve("empty.png");
        ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        Path missing = dir.resolve("missing.png");
        String blankProblem = blank + ": the image is blank: there is no ink to read";
        String missingProblem = missing + ": not found";
        Result text = cli("predict", "--model", model.toString(), blank.toString(), missing.toString());
        assertEquals(1, text.code());
        assertEquals(List.of(blankProblem, missingProblem), text.err().lines().toList());
        Result json = cli("predict", "--model", model.toString(), "--json", blank.toString(), missing.toString());
        assertEquals(1, json.code());
        assertEquals(blankProblem, SpecJson.MAPPER.readTree(json.lines().get(0)).get("error").asText());
        assertEquals(missingProblem, SpecJson.MAPPER.readTree(json.lines().get(1)).get("error").asText());
    }

    @Test
    void evaluateJsonHasAccuracyAndConfusionMatrix() throws Exception {
        Result r = cli("evaluate", "--model", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = SpecJson.MAPPER.readTree(r.out());
        assertTrue(report.get("test_accuracy").asDouble() > 0.85, r.out());
        int total = 0;
        for (JsonNode row : report.get("confusion_matrix")) for (JsonNode c : row) total += c.asInt();
        assertEquals(10_000, total);
    }

    @Test
    void evaluateJsonHasPrecisionAndRecallPerDigit() throws Exception {
        Result r = cli("evaluate", "--model", model.toString(), "--json");
        JsonNode report = SpecJson.MAPPER.readTree(r.out());
        JsonNode matrix = report.get("confusion_matrix");
        for (int d = 0; d < 10; d++) {
            int rowTotal = 0, columnTotal = 0;
            for (int k = 0; k < 10; k++) {
                rowTotal += matrix.get(d).get(k).asInt();
                columnTotal += matrix.get(k).get(d).asInt();
            }
            double right = matrix.get(d).get(d).asInt();
            assertEquals(right / rowTotal, report.get("per_class_recall").get(d).asDouble(), 1e-9, "recall of " + d);
            assertEquals(right / columnTotal, report.get("per_class_precision").get(d).asDouble(), 1e-9,
                    "precision of " + d);
        }
    }

    @Test
    void evaluateWritesEachMisreadImageNamedByTruthAnswerConfidenceAndIndex(@TempDir Path dir) throws Exception {
        Path mistakes = dir.resolve("mistakes");
        Result r = cli("evaluate", "--model", model.toString(), "--mistakes", mistakes.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = SpecJson.MAPPER.readTree(r.out());
        int wrong = (int) Math.round((1 - report.get("test_accuracy").asDouble()) * 10_000);
        List<Path> files;
        try (var listing = Files.list(mistakes)) {
            files = listing.sorted().toList();
        }
        assertEquals(wrong, files.size());
        assertEquals(wrong, report.get("mistakes_written").asInt());
        DigitSet test = TestData.mnist().test();
        for (Path file : files.subList(0, 5)) {
            String[] parts = file.getFileName().toString().replace(".png", "").split("-");
            assertEquals(4, parts.length, file.toString());
            int actual = Integer.parseInt(parts[0]);
            int index = Integer.parseInt(parts[3]);
            assertEquals(test.label(index), actual, file + " names the image's true digit");
            assertFalse(parts[1].equals(parts[0]), "a mistake's answer differs from the truth");
            double confidence = Double.parseDouble(parts[2]);
            assertTrue(confidence > 0 && confidence <= 1, file.toString());
            BufferedImage image = ImageIO.read(file.toFile());
            float[] pixels = test.intensities(index);
            assertEquals(28, image.getWidth());
            for (int i = 0; i < 784; i += 13) {
                assertEquals(Math.round(pixels[i] * 255), image.getRaster().getSample(i % 28, i / 28, 0));
            }
        }
    }

    @Test
    void evaluateRefusesAMistakesFolderThatIsAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Result r = cli("evaluate", "--model", model.toString(), "--mistakes", file.toString());
        assertEquals(1, r.code());
        assertEquals(file + ": is a file, not a folder", r.err().strip().replace("mnist-lab evaluate: ", ""));
    }

    @Test
    void weightsDrawsOnePicturePerFirstLayerUnit(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("weights.png");
        Result r = cli("weights", "--model", model.toString(), "--out", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = SpecJson.MAPPER.readTree(r.out());
        assertEquals(64, json.get("units").asInt());
        assertEquals(64, json.get("shown").asInt());
        BufferedImage image = ImageIO.read(png.toFile());
        // 8 × 8 tiles of 28 px enlarged 3×, 2 px apart, inside an 8 px margin
        assertTrue(image.getWidth() >= 2 * 8 + 8 * 86 - 2, "width " + image.getWidth());
        assertEquals(2 * 8 + 8 * 86 - 2 + 28, image.getHeight());
    }

    @Test
    void weightsOfAWideLayerSayHowManyAreShown(@TempDir Path dir) {
        Result r = cli("weights", "--model", model.toString(), "--out", dir.resolve("w.png").toString(),
                "--max-units", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("First hidden layer: 10 of 64 shown"), r.out());
    }

    @Test
    void weightsOfANetworkWithoutHiddenLayersAreTheOutputTemplates(@TempDir Path dir) {
        Path flat = dir.resolve("flat.zip");
        assertEquals(0, cli("train", "--layers", "none", "--epochs", "1", "--limit", "500", "--out", flat.toString()).code());
        Result r = cli("weights", "--model", flat.toString(), "--out", dir.resolve("w.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("No hidden layer: the 10 output units' templates: 10 units"), r.out());
    }

    @Test
    void weightsNeedsAnOutputFileInAnExistingFolder(@TempDir Path dir) {
        assertEquals(2, cli("weights", "--model", model.toString()).code());
        Path nowhere = dir.resolve("missing").resolve("w.png");
        Result r = cli("weights", "--model", model.toString(), "--out", nowhere.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test
    void evaluateNeedsOnlyTheTestFilesOfADataFolder(@TempDir Path dir) throws Exception {
        TestData.tinyMnistFolder(dir, 200, 50);
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
        Result r = cli("evaluate", "--model", model.toString(), "--data", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        int total = 0;
        for (JsonNode row : SpecJson.MAPPER.readTree(r.out()).get("confusion_matrix")) {
            for (JsonNode c : row) total += c.asInt();
        }
        assertEquals(50, total);
    }

    @Test
    void evaluateRejectsAFileThatIsNotAModel(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("fake.zip");
        Files.writeString(fake, "hello");
        Result r = cli("evaluate", "--model", fake.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("fake.zip: is not a model file"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "FOLDER", "FILE/m.zip", "/proc/m.zip"})
    void anOutThatCannotBeSavedIsRefusedBeforeTraining(String out, @TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        String target = out.replace("FOLDER", folder.toString()).replace("FILE", file.toString());
        Result r = cli("train", "--layers", "8", "--limit", "100", "--epochs", "1", "--out=" + target);
        assertTrue(r.code() == 1 || r.code() == 2, r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.out().contains("epoch 1"), "refused before training: " + r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-lr 0.1          | did you mean --lr?",
        "stray words      | unexpected argument 'stray'; train takes only options",
        "--layers ,       | layers: '' is not a whole number of units",
        "--layers=        | layers: '' is not a whole number of units",
        "--layers none --activation bogus | activation: 'bogus' is not one of",
        "--batch ٣        | --batch: '٣' is not a whole number",
        "--layers ٦٤      | layers: '٦٤' is not a whole number of units",
        "--limit 0        | --limit: 0 is not at least 1",
        "--json=true      | --json is a switch and takes no value",
        "--augment wild   | augment: 'wild' is not one of off, gentle, strong",
        "--schedule step:2:1.5 | schedule: the factor 1.5 must shrink the rate: give one between 0 and 1",
        "--schedule exp:0 | schedule: the factor 0 must shrink the rate",
        "--schedule cosine:0.5 | schedule: the cosine floor 0.5 is not below the learning rate 0.05",
        "--schedule linear | schedule: 'linear' is not a schedule; give constant, step:K:G",
        "--sweep 0.5      | sweep: 1 rate; a sweep compares 2 to 20",
        "--sweep 0.001:1:21 | sweep: 21 rates; a sweep compares 2 to 20",
        "--sweep 0.5,x    | sweep: '0.5,x' is not a list (0.5,0.05,0.005) or FROM:TO:N",
        "--sweep 0.5,0    | sweep: the rate 0.0 is outside (0, 100]",
        "--sweep 0.1,0.01 --out m.zip | --out saves one model, and a sweep trains 2",
        "--limit 1000 --epochs 1 --warmup-steps 10 | warmup: 10 steps is not shorter than the run's 10 (1 epoch of 10 batches)"})
    void aCommandLineThatWouldBeReinterpretedIsRefusedWithExitTwo(String line, String problem) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(line.split(" ")));
        Result r = cli(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(problem), r.err());
    }

    @Test
    void blankLayersAreRefusedAndOnlyNoneMeansNoHiddenLayer() {
        assertThrows(org.mnistlab.network.InvalidSpecException.class, () -> SpecOptions.layers("   ", "relu"));
        assertEquals(List.of(), SpecOptions.layers(" none ", "relu"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epochs 3                                  | --epochs does not apply to bench",
        "--limit 2000 --warmup 0 --window 2000 --windows 1 | --window: 2,000 examples do not fit in one epoch of 2,000",
        "--batch 60000                               | --batch: 60,000 leaves no room for a timed window"})
    void benchRefusesWhatItCouldNeverTimeAtOnce(String line, String problem) {
        List<String> args = new ArrayList<>(List.of("bench", "--layers", "8"));
        args.addAll(List.of(line.split(" ")));
        Result r = cli(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("mnist-lab bench: " + problem), r.err());
    }

    @Test
    void benchFitsItsDefaultWindowIntoASmallLimit() throws Exception {
        Result r = cli("bench", "--layers", "8", "--limit", "2000", "--warmup", "0", "--windows", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(SpecJson.MAPPER.readTree(r.out()).get("samples_per_second").asLong() > 0, r.out());
    }

    @Test
    void anEmptyTestSetIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        TestData.tinyMnistFolder(dir, 200, 0);
        Result r = cli("train", "--data", dir.toString(), "--layers", "8", "--epochs", "1");
        assertEquals(1, r.code(), r.err());
        assertEquals("mnist-lab train: " + dir.resolve("t10k-images-idx3-ubyte.gz")
                + ": holds no images; a training or test set needs at least one", r.err().strip());
    }

    @Test
    void aFifoInPlaceOfADataFileIsRefusedInsteadOfWaitedFor(@TempDir Path dir) throws Exception {
        TestData.tinyMnistFolder(dir, 200, 50);
        Path labels = dir.resolve("t10k-labels-idx1-ubyte");
        Files.delete(labels);
        org.mnistlab.testing.TestData.fifo(labels);
        Result r = cli("evaluate", "--model", model.toString(), "--data", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(labels + ": is not a regular file"), r.err());
    }

    @Test
    void outputThatCannotBeWrittenExitsOneSayingSo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        int code = new Cli().run(new String[] {"evaluate", "--model", model.toString(), "--json"},
                new PrintStream(full, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("mnist-lab evaluate: could not write the output"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyModelNameIsAUsageError() {
        Result r = cli("evaluate", "--model", "");
        assertEquals(2, r.code(), r.err());
        assertEquals("mnist-lab evaluate: --model needs a file or folder name", r.err().strip());
    }

    @Test
    void aFinalAccuracyNearChanceGetsAWarningButExitsZero() {
        assertTrue(TrainCommand.chanceWarning(0.096).contains("9.6%, is no better than guessing"));
        assertEquals(null, TrainCommand.chanceWarning(0.13));
    }

    @Test
    void evaluateImagesReadsBothLayoutsAndNamesTheMisreadFiles(@TempDir Path dir) throws Exception {
        DigitSet test = TestData.mnist().test();
        for (int i = 0; i < 10; i++) {
            PngPictures.writeDigit(test.intensities(i), dir.resolve("digit_" + test.label(i) + "_" + i + ".png"));
            Path folder = Files.createDirectories(dir.resolve(String.valueOf(test.label(10 + i))));
            ImageIO.write(enlarged(test.intensities(10 + i)), "png", folder.resolve("big-" + i + ".png").toFile());
        }
        int wrongLabel = (test.label(0) + 1) % 10;
        PngPictures.writeDigit(test.intensities(0), dir.resolve("digit_" + wrongLabel + "_mislabelled.png"));
        Files.writeString(dir.resolve("notes.txt"), "not an image, and not looked at");

        Result json = cli("evaluate", "--model", model.toString(), "--images", dir.toString(), "--json");

        assertEquals(0, json.code(), json.err());
        JsonNode r = SpecJson.MAPPER.readTree(json.out());
        assertEquals(21, r.get("images").asInt());
        assertEquals(r.get("right").asDouble() / 21, r.get("accuracy").asDouble(), 1e-9);
        assertTrue(r.get("right").asInt() >= 17, json.out());
        List<String> misread = new ArrayList<>();
        for (JsonNode m : r.get("misread")) misread.add(m.get("file").asText());
        assertTrue(misread.contains("digit_" + wrongLabel + "_mislabelled.png"), misread.toString());
        assertEquals(21 - r.get("right").asInt(), misread.size());
        assertEquals(0, r.get("skipped").size());

        Result text = cli("evaluate", "--model", model.toString(), "--images", dir.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.lines().get(0).contains("on 21 images in " + dir + ": accuracy "), text.out());
        assertTrue(text.out().contains("  digit_" + wrongLabel + "_mislabelled.png: labelled " + wrongLabel + ", read as "),
                text.out());
    }

    @Test
    void evaluateImagesSkipsADamagedFileNamingItAndExitsOne(@TempDir Path dir) throws Exception {
        DigitSet test = TestData.mnist().test();
        PngPictures.writeDigit(test.intensities(0), dir.resolve("digit_" + test.label(0) + "_a.png"));
        Files.write(dir.resolve("digit_5_damaged.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        PngPictures.writeDigit(test.intensities(1), dir.resolve("digit_12_b.png"));

        Result r = cli("evaluate", "--model", model.toString(), "--images", dir.toString());

        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("on 1 images in "), r.out());
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r.err());
        assertTrue(err.contains("skipped digit_12_b.png: label 12 is outside 0–9"), r.err());
        assertTrue(err.stream().anyMatch(l -> l.startsWith("skipped digit_5_damaged.png: ")), r.err());
    }

    @Test
    void aBadImagesFolderGetsOneLine(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nowhere");
        Result absent = cli("evaluate", "--model", model.toString(), "--images", missing.toString());
        assertEquals(1, absent.code());
        assertEquals(List.of("mnist-lab evaluate: " + missing + ": not found"), absent.err().lines().toList());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("photo.png"), "no label in the name");
        Result none = cli("evaluate", "--model", model.toString(), "--images", empty.toString());
        assertEquals(1, none.code());
        assertEquals(1, none.err().lines().count(), none.err());
        assertTrue(none.err().contains(empty + ": holds no labelled PNG"), none.err());

        Path file = Files.writeString(dir.resolve("file.png"), "x");
        assertEquals(1, cli("evaluate", "--model", model.toString(), "--images", file.toString()).code());
        assertEquals(2, cli("evaluate", "--model", model.toString(), "--images", "").code());
        Result both = cli("evaluate", "--model", model.toString(), "--images", dir.toString(), "--data", dir.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--images and --data do not go together"), both.err());
    }

    @Test
    void trainWithImagesAddsTheFolderOversampledAndNamesWhatItSkips(@TempDir Path dir) throws Exception {
        DigitSet test = TestData.mnist().test();
        for (int i = 0; i < 10; i++) {
            PngPictures.writeDigit(test.intensities(i), dir.resolve("digit_" + test.label(i) + "_" + i + ".png"));
        }
        Files.write(dir.resolve("digit_3_damaged.png"), new byte[] {1, 2, 3});
        Result r = cli("train", "--layers", "16", "--epochs", "1", "--limit", "500", "--no-record",
                "--with-images", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("and on 10 labelled images from " + dir + ", each 2 times an epoch"), r.out());
        assertTrue(r.err().startsWith("mnist-lab train: skipped digit_3_damaged.png: "), r.err());
        Result missing = cli("train", "--epochs", "1", "--limit", "100", "--no-record",
                "--with-images", dir.resolve("nowhere").toString());
        assertEquals(1, missing.code());
        assertEquals("mnist-lab train: " + dir.resolve("nowhere") + ": not found", missing.err().strip());
    }

    @Test
    void evaluateHelpShowsImages() {
        Result r = cli("evaluate", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--images DIR") && r.out().contains("digit_7_anything.png"), r.out());
    }

    /** An MNIST image as a 10× larger grey PNG, white on black. */
    private static BufferedImage enlarged(float[] intensities) {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                int v = Math.round(intensities[(y / 10) * 28 + x / 10] * 255);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        return image;
    }
}
