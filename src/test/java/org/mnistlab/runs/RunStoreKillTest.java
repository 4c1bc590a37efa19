package org.mnistlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.testing.ChildJvm;
import org.mnistlab.training.LossPoint;

/**
 * A lab killed mid-run (kill -9, a crash, a power cut) must leave a store that opens, passes
 * SQLite's integrity check, and lists the run as interrupted with every point it had written;
 * and a second copy of the lab writing the same store meanwhile must not corrupt it.
 */
class RunStoreKillTest {

    @Test
    void aRunKilledMidTrainingIsListedAsInterruptedWithItsStoredPoints(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunStore.FILE_NAME);
        String printed;
        try (ChildJvm child = ChildJvm.start(RecordLoop.class, file.toString())) {
            child.awaitLine("recording 1", 120);
            child.awaitLine("flush 25", 120); // epochs end every ~0.1 s: the kill lands among writes of points and models
            child.kill();
            printed = child.output();
        }
        long lastReported = lastReportedExamples(printed);

        try (RunStore store = RunStore.open(file)) {
            assertEquals("ok", store.integrityCheck());
            StoredRun run = store.list().get(0);
            assertEquals(RunEnding.INTERRUPTED, run.ending());
            RunPoints points = store.points(run.id());
            long stored = points.trainLoss().get(points.trainLoss().size() - 1).examplesSeen();
            assertTrue(stored >= lastReported, "stored up to " + stored + ", reported " + lastReported);
            for (int i = 0; i < points.trainLoss().size(); i++) {
                assertEquals((i + 1L) * RecordLoop.BATCH, points.trainLoss().get(i).examplesSeen(), "no gap at point " + i);
            }
            assertTrue(run.epochsCompleted() >= 1);
            assertEquals(RecordLoop.SPEC, store.model(run.id()).model().spec(), "the last finished epoch's model");
        }
    }

    @Test
    void twoLabsWritingOneStoreAtOnceLeaveItIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunStore.FILE_NAME);
        try (ChildJvm child = ChildJvm.start(RecordLoop.class, file.toString());
             RunStore store = RunStore.open(file)) {
            child.awaitLine("recording 1", 120);
            long mine = store.startRun(RunStoreTest.SPEC, RunStoreTest.DATA, Instant.now());
            for (int i = 1; i <= 200; i++) {
                store.append(mine, new RunStore.Progress(List.of(new LossPoint(i, 1.0 / i)), List.of(), List.of(), 0, i),
                        Instant.now());
                if (i % 50 == 0) store.rename(1, "renamed while it trains " + i);
            }
            store.finish(mine, RunEnding.FINISHED, "", Instant.now());
            child.awaitLine("flush 10", 120);
            assertEquals(RunEnding.RUNNING, store.get(1).ending(), "the other lab is still training it");
            child.kill();
        }
        try (RunStore store = RunStore.open(file)) {
            assertEquals("ok", store.integrityCheck());
            assertEquals(200, store.points(2).trainLoss().size());
            assertEquals("renamed while it trains 200", store.get(1).name());
            assertEquals(RunEnding.INTERRUPTED, store.get(1).ending());
        }
    }

    private static long lastReportedExamples(String printed) {
        long last = -1;
        for (String line : printed.lines().toList()) {
            if (line.startsWith("at ")) last = Long.parseLong(line.substring(3));
            assertTrue(!line.startsWith("failed "), printed);
        }
        assertTrue(last > 0, printed);
        return last;
    }
}
