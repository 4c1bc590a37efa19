package org.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.cli.CliTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistlab.cli.CliTest.Result;
import org.mnistlab.network.SpecJson;
import org.nd4j.shade.jackson.databind.JsonNode;

class RunsCommandTest {
    @TempDir static Path shared;
    private static Path store;

    /** Two runs, recorded by {@code train} as a user would start them. */
    @BeforeAll
    static void trainTwoRuns() {
        store = shared.resolve("runs.db");
        for (String lr : List.of("0.1", "0.02")) {
            Result r = cli("train", "--layers", "16", "--lr", lr, "--batch", "50", "--epochs", "2", "--limit", "500",
                    "--store", store.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Recorded as run "), r.out());
        }
    }

    private static JsonNode json(String line) throws Exception {
        return SpecJson.MAPPER.readTree(line);
    }

    @Test
    void runsListJsonHasOneObjectPerRunNewestFirst() throws Exception {
        Result r = cli("runs", "list", "--store", store.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.lines().size(), r.out());
        JsonNode newest = json(r.lines().get(0));
        assertEquals(2, newest.get("id").asInt());
        assertEquals("Run 2", newest.get("name").asText());
        assertEquals("finished", newest.get("ending").asText());
        assertEquals(2, newest.get("epochs_completed").asInt());
        assertTrue(newest.get("settings").asText().contains("lr 0.02"), newest.toString());
        assertTrue(newest.get("final_test_accuracy").asDouble() > 0.15, "above chance: " + newest);
        assertTrue(newest.get("has_model").asBoolean());
        assertEquals(1, json(r.lines().get(1)).get("id").asInt());
    }

    @Test
    void runsListTextShowsEachRunOnALine() {
        Result r = cli("runs", "list", "--store", store.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.lines().size(), r.out());
        assertTrue(r.lines().get(1).contains("finished") && r.lines().get(1).contains("Run 2: 784-16-10"), r.out());
    }

    @Test
    void runsShowJsonHasTheSpecTheDataAndEveryPoint() throws Exception {
        Result r = cli("runs", "show", "1", "--store", store.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode run = json(r.out());
        assertEquals(0.1, run.get("spec").get("learningRate").asDouble());
        assertEquals(500, run.get("data").get("trainImages").asInt());
        assertEquals(4, run.get("data").get("sha256").size());
        assertEquals(20, run.get("train_loss").size(), "2 epochs of 10 batches");
        assertEquals(2, run.get("evaluations").size());
    }

    @Test
    void runsShowTextNamesTheSettingsDataAndModel() {
        Result r = cli("runs", "show", "2", "--store", store.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Run 2: Run 2\n"), r.out());
        assertTrue(r.out().contains("bundled MNIST, 500 training + 10,000 test images"), r.out());
        assertTrue(r.out().contains("20 training losses, 2 test measurements"), r.out());
        assertTrue(r.out().contains("Model:       stored"), r.out());
    }

    @Test
    void exportedRunsImportIntoAnotherStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lesson.runs");
        Result exported = cli("runs", "export", "2", "1", "--out", file.toString(), "--store", store.toString(), "--json");
        assertEquals(0, exported.code(), exported.err());
        assertEquals(List.of(2, 1), SpecJson.MAPPER.convertValue(json(exported.out()).get("exported"), List.class));

        Path other = dir.resolve("student").resolve("runs.db");
        Result imported = cli("runs", "import", file.toString(), "--store", other.toString());
        assertEquals(0, imported.code(), imported.err());
        assertEquals("Imported 2 runs from " + file + " as runs 1, 2", imported.out().strip());
        Result list = cli("runs", "list", "--store", other.toString(), "--json");
        assertEquals(2, list.lines().size(), list.out());
        JsonNode newest = json(list.lines().get(0));
        assertTrue(newest.get("settings").asText().contains("lr 0.02"), "newest first, as in the teacher's list");
        assertEquals("Run 2", newest.get("name").asText(), "an imported run keeps its name");
    }

    @Test
    void trainWithNoRecordLeavesTheStoreAlone(@TempDir Path dir) {
        Path empty = dir.resolve("runs.db");
        Result r = cli("train", "--layers", "8", "--epochs", "1", "--limit", "200", "--no-record", "--store", empty.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("Recorded"), r.out());
        assertFalse(Files.exists(empty));
    }

    @Test
    void trainGoesOnWithANoticeWhenTheStoreCannotBeWritten(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Result r = cli("train", "--layers", "8", "--epochs", "1", "--limit", "200",
                "--store", blocker.resolve("runs.db").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("mnist-lab train: runs are not being saved: "), r.err());
        assertTrue(r.out().contains("epoch 1"), r.out());
    }

    @Test
    void anUnknownRunExitsOneNamingIt() {
        Result r = cli("runs", "show", "99", "--store", store.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("mnist-lab runs: there is no run 99 in "), r.err());
    }

    @Test
    void importingSomethingElseExitsOneNamingTheFile(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        Result r = cli("runs", "import", notes.toString(), "--store", dir.resolve("runs.db").toString());
        assertEquals(1, r.code());
        assertEquals("mnist-lab runs: " + notes + ": is not an MNIST Lab run file", r.err().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate", "show", "show x", "show 1 2", "export 1", "list 3", "import", "list --out f"})
    void aBadRunsCommandLineExitsTwoWithOneLine(String words) {
        List<String> args = new java.util.ArrayList<>(List.of("runs"));
        if (!words.isEmpty()) args.addAll(List.of(words.split(" ")));
        args.addAll(List.of("--store", store.toString()));
        Result r = cli(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("mnist-lab runs: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
