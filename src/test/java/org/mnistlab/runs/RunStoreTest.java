package org.mnistlab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.AppVersion;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;

class RunStoreTest {
    static final NetworkSpec SPEC = NetworkSpec.defaults();
    static final DataSource DATA = new DataSource("/data/mnist", 1000, 200, java.util.Map.of("a", "0f"));
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir Path dir;

    private RunStore open() {
        return RunStore.open(dir.resolve(RunStore.FILE_NAME));
    }

    /** A run of two epochs with a rate change, finished at T0 + 1 min. */
    static long recordRun(RunStore store, Instant start) {
        long id = store.startRun(SPEC, DATA, start);
        store.append(id, new RunStore.Progress(List.of(new LossPoint(100, 2.0), new LossPoint(200, 1.5)),
                List.of(new EvaluationPoint(1, 2, 200, 1.4, 0.60, true)), List.of(new RateChange(150, 0.01)), 1, 200),
                start.plusSeconds(10));
        store.append(id, new RunStore.Progress(List.of(new LossPoint(300, 1.0), new LossPoint(400, 0.8)),
                List.of(new EvaluationPoint(2, 2, 400, 1.1, 0.55, true)), List.of(), 2, 400), start.plusSeconds(20));
        store.saveModel(id, 2, new byte[] {1, 2, 3});
        store.finish(id, RunEnding.FINISHED, "", start.plusSeconds(60));
        return id;
    }

    @Test
    void aRecordedRunComesBackWithEverythingItWasGiven() {
        try (RunStore store = open()) {
            long id = recordRun(store, T0);
            StoredRun run = store.get(id);
            assertEquals("Run " + id, run.name());
            assertEquals(SPEC, run.spec());
            assertEquals(SPEC.summary(), run.summary());
            assertEquals(DATA, run.data());
            assertEquals(AppVersion.current(), run.appVersion());
            assertEquals(T0, run.startedAt());
            assertEquals(T0.plusSeconds(60), run.endedAt());
            assertEquals(RunEnding.FINISHED, run.ending());
            assertEquals(2, run.epochsCompleted());
            assertEquals(400, run.examplesSeen());
            assertEquals(0.55, run.finalTestAccuracy());
            assertEquals(1.1, run.finalTestLoss());
            assertEquals(0.60, run.bestTestAccuracy());
            assertEquals(1, run.bestEpoch());
            assertTrue(run.hasModel());

            RunPoints points = store.points(id);
            assertEquals(4, points.trainLoss().size());
            assertEquals(new LossPoint(300, 1.0), points.trainLoss().get(2));
            assertEquals(List.of(new EvaluationPoint(1, 2, 200, 1.4, 0.60, true),
                    new EvaluationPoint(2, 2, 400, 1.1, 0.55, true)), points.evaluations());
            assertEquals(List.of(new RateChange(150, 0.01)), points.rateChanges());
            assertArrayEquals(new byte[] {1, 2, 3}, store.modelZip(id).orElseThrow());
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void runsSurviveClosingAndAreListedNewestFirst() {
        try (RunStore store = open()) {
            recordRun(store, T0);
            recordRun(store, T0.plusSeconds(3600));
            recordRun(store, T0.minusSeconds(3600));
        }
        try (RunStore store = open()) {
            assertEquals(List.of(2L, 1L, 3L), store.list().stream().map(StoredRun::id).toList());
            assertEquals(Schema.CURRENT_VERSION, store.schemaVersion());
        }
    }

    @Test
    void nameAndNoteCanBeEditedAndABlankNameGivesTheDefaultBack() {
        try (RunStore store = open()) {
            long id = recordRun(store, T0);
            store.rename(id, "  lr 0.1, the fast one ");
            store.setNote(id, "shown in class on Monday");
            assertEquals("lr 0.1, the fast one", store.get(id).name());
            assertEquals("shown in class on Monday", store.get(id).note());
            assertTrue(store.get(id).matches("FAST monday"));
            assertFalse(store.get(id).matches("fast tuesday"));
            store.rename(id, " ");
            assertEquals("Run " + id, store.get(id).name());
            RunStoreException missing = assertThrows(RunStoreException.class, () -> store.rename(99, "x"));
            assertTrue(missing.getMessage().contains("no run 99"), missing.getMessage());
        }
    }

    @Test
    void aDeleteCanBeUndoneUntilTheStoreIsClosed() {
        long kept;
        long gone;
        try (RunStore store = open()) {
            kept = recordRun(store, T0);
            long undone = recordRun(store, T0.plusSeconds(1));
            gone = recordRun(store, T0.plusSeconds(2));
            store.delete(undone);
            store.delete(gone);
            assertEquals(List.of(kept), store.list().stream().map(StoredRun::id).toList());
            store.undelete(undone);
            assertEquals(2, store.list().size());
        }
        try (RunStore store = open()) {
            assertTrue(store.find(gone).isEmpty());
            assertEquals(2, store.list().size());
            assertTrue(store.points(gone).trainLoss().isEmpty(), "its points went with it");
        }
    }

    @Test
    void aRunLeftRunningByAProcessThatIsGoneIsListedAsInterrupted() throws Exception {
        Path file = dir.resolve(RunStore.FILE_NAME);
        long id;
        try (RunStore store = RunStore.open(file)) {
            id = store.startRun(SPEC, DATA, T0);
            store.append(id, new RunStore.Progress(List.of(new LossPoint(100, 2.0)), List.of(), List.of(), 0, 100),
                    T0.plusSeconds(5));
            assertEquals(RunEnding.RUNNING, store.get(id).ending(), "this process is alive");
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = sql.createStatement()) {
            statement.execute("UPDATE runs SET owner = '2147483646:1'"); // no such process
        }
        try (RunStore store = RunStore.open(file)) {
            StoredRun run = store.get(id);
            assertEquals(RunEnding.INTERRUPTED, run.ending());
            assertEquals(T0.plusSeconds(5), run.endedAt(), "the last write of its points");
            assertEquals(1, store.points(id).trainLoss().size());
        }
    }

    @Test
    void aFileFromAnOlderVersionIsMigratedAndKeepsItsRuns() throws Exception {
        Path file = dir.resolve(RunStore.FILE_NAME);
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = sql.createStatement()) {
            Schema.migrate(sql, 0, 1);
            statement.execute("INSERT INTO runs (name, summary, spec_json, data_json, app_version, started_at, "
                    + "updated_at, ended_at, ending) VALUES ('old run', 's', '" + org.mnistlab.network.SpecJson.toJson(SPEC)
                    + "', '{\"trainImages\":5}', '0.0.9', 1, 2, 3, 'finished')");
        }
        try (RunStore store = RunStore.open(file)) {
            assertEquals(Schema.CURRENT_VERSION, store.schemaVersion());
            StoredRun run = store.list().get(0);
            assertEquals("old run", run.name());
            assertEquals(SPEC, run.spec());
            assertFalse(run.hasModel());
            store.saveModel(run.id(), 1, new byte[] {9}); // the table version 2 added
            assertTrue(store.get(run.id()).hasModel());
        }
    }

    @Test
    void aFileFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve(RunStore.FILE_NAME);
        try (RunStore store = RunStore.open(file)) {
            recordRun(store, T0);
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = sql.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Schema.CURRENT_VERSION + 1));
        }
        byte[] before = Files.readAllBytes(file);
        List<Path> filesBefore = listing();
        RunStoreException refused = assertThrows(RunStoreException.class, () -> RunStore.open(file));
        assertTrue(refused.getMessage().contains("newer MNIST Lab"), refused.getMessage());
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(filesBefore, listing());
    }

    @Test
    void aFileThatIsNotADatabaseIsMovedAsideAndANewStoreStarted() throws Exception {
        Path file = dir.resolve(RunStore.FILE_NAME);
        byte[] notes = "my lesson notes, saved under the wrong name".getBytes(StandardCharsets.UTF_8);
        Files.write(file, notes);
        try (RunStore store = RunStore.open(file)) {
            assertTrue(store.list().isEmpty());
            assertTrue(store.notice().contains("not an MNIST Lab run store"), store.notice());
            assertTrue(store.notice().contains("moved aside"), store.notice());
            recordRun(store, T0);
        }
        Path aside = movedAside();
        assertArrayEquals(notes, Files.readAllBytes(aside), "kept byte for byte");
        assertTrue(RunStore.open(file).notice().isEmpty(), "the new store is a lab store");
    }

    @Test
    void anSqliteFileOfAnotherProgramIsMovedAsideToo() throws Exception {
        Path file = dir.resolve(RunStore.FILE_NAME);
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = sql.createStatement()) {
            statement.execute("CREATE TABLE contacts (name TEXT)");
            statement.execute("INSERT INTO contacts VALUES ('Ada')");
        }
        try (RunStore store = RunStore.open(file)) {
            assertTrue(store.notice().contains("another program"), store.notice());
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + movedAside());
             Statement statement = sql.createStatement()) {
            assertEquals("Ada", statement.executeQuery("SELECT name FROM contacts").getString(1));
        }
    }

    @Test
    void aDataFolderThatCannotBeMadeIsReportedWithItsName() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        RunStoreException e = assertThrows(RunStoreException.class,
                () -> RunStore.open(blocker.resolve("mnist-lab").resolve(RunStore.FILE_NAME)));
        assertTrue(e.getMessage().contains("data folder cannot be created"), e.getMessage());
        assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
    }

    @Test
    void exportedRunsImportIntoAnotherStoreWithEverything() throws Exception {
        Path exported = dir.resolve("lesson.mnistlab-runs");
        long first;
        long second;
        try (RunStore teacher = open()) {
            first = recordRun(teacher, T0);
            recordRun(teacher, T0.plusSeconds(10));
            second = recordRun(teacher, T0.plusSeconds(20));
            teacher.rename(second, "too fast");
            teacher.setNote(second, "watch it jump");
            teacher.export(List.of(first, second), exported);
        }
        Path studentDir = Files.createDirectory(dir.resolve("student"));
        try (RunStore student = RunStore.open(studentDir.resolve(RunStore.FILE_NAME))) {
            recordRun(student, T0.plusSeconds(30));
            List<Long> ids = student.importFrom(exported);
            assertEquals(2, ids.size());
            StoredRun imported = student.get(ids.get(1));
            assertEquals("too fast", imported.name());
            assertEquals("watch it jump", imported.note());
            assertEquals(SPEC, imported.spec());
            assertEquals(4, student.points(ids.get(1)).trainLoss().size());
            assertEquals(2, student.points(ids.get(1)).evaluations().size());
            assertArrayEquals(new byte[] {1, 2, 3}, student.modelZip(ids.get(0)).orElseThrow());
            assertEquals(3, student.list().size());
            assertEquals("ok", student.integrityCheck());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
    }

    @Test
    void importingAFileThatIsNotARunFileIsRefusedWithItsName() throws Exception {
        Path bogus = dir.resolve("photo.jpg");
        Files.write(bogus, new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        try (RunStore store = open()) {
            RunStoreException e = assertThrows(RunStoreException.class, () -> store.importFrom(bogus));
            assertEquals(bogus + ": is not an MNIST Lab run file", e.getMessage());
            assertTrue(Files.exists(bogus), "an import never moves the user's file");
            assertTrue(store.list().isEmpty());
        }
    }

    @Test
    void twoStoresOnOneFileBothWriteTheirRuns() {
        Path file = dir.resolve(RunStore.FILE_NAME);
        try (RunStore first = RunStore.open(file); RunStore second = RunStore.open(file)) {
            long a = first.startRun(SPEC, DATA, T0);
            long b = second.startRun(SPEC, DATA, T0.plusSeconds(1));
            for (int i = 1; i <= 50; i++) {
                first.append(a, new RunStore.Progress(List.of(new LossPoint(i, 1.0 / i)), List.of(), List.of(), 0, i), T0);
                second.append(b, new RunStore.Progress(List.of(new LossPoint(i, 2.0 / i)), List.of(), List.of(), 0, i), T0);
            }
            first.finish(a, RunEnding.FINISHED, "", T0);
            second.rename(a, "renamed by the other copy");
            assertEquals(50, second.points(a).trainLoss().size());
            assertEquals(50, first.points(b).trainLoss().size());
            assertEquals("renamed by the other copy", first.get(a).name());
            assertEquals("ok", first.integrityCheck());
        }
    }

    @Test
    void aFullDiskFailsTheWriteWithAMessageAndKeepsWhatWasStored() throws Exception {
        try (RunStore store = open()) {
            long kept = recordRun(store, T0);
            long id = store.startRun(SPEC, DATA, T0);
            store.limitSizeForTesting(store.pageCountForTesting());
            RunStoreException full = assertThrows(RunStoreException.class,
                    () -> store.saveModel(id, 1, new byte[1 << 20]));
            assertTrue(full.getMessage().endsWith("the disk is full"), full.getMessage());
            assertEquals(4, store.points(kept).trainLoss().size());
            assertEquals("ok", store.integrityCheck());
        }
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private Path movedAside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith(RunStore.FILE_NAME + ".not-a-lab-store-")
                    && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm"))
                    .toList();
            assertEquals(1, aside.size(), "one file moved aside: " + aside);
            return aside.get(0);
        }
    }

    @Test
    void aRunWithNoEvaluationYetHasNoMetrics() {
        try (RunStore store = open()) {
            long id = store.startRun(SPEC, DATA, T0);
            StoredRun run = store.get(id);
            assertNull(run.finalTestAccuracy());
            assertNull(run.bestEpoch());
            assertNull(run.endedAt());
            assertFalse(run.hasModel());
        }
    }
}
