package org.mnistlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store of many runs lists, filters and hands out one run's curves correctly. The 1,000-run
 * timings come from {@link ScaleBench}; a unit test asserts no wall-clock time.
 */
class RunStoreScaleTest {
    private static final int RUNS = 60;
    private static final int EPOCHS = 20;
    private static final int BATCHES = 50;

    @Test
    void aStoreOfManyRunsListsNewestFirstAndFiltersAndReadsEachRunWhole(@TempDir Path dir) {
        Path file = dir.resolve(RunStore.FILE_NAME);
        GeneratedStore.create(file, RUNS, EPOCHS, BATCHES);
        try (RunStore store = RunStore.open(file)) {
            List<StoredRun> runs = store.list();
            assertEquals(RUNS, runs.size());
            for (int i = 1; i < runs.size(); i++) {
                assertTrue(runs.get(i - 1).startedAt().isAfter(runs.get(i).startedAt()), "newest first at " + i);
            }
            long adamAtTenth = runs.stream().filter(r -> r.matches("adam lr 0.1 ")).count();
            assertEquals(RUNS / 10, adamAtTenth, "runs 5, 15, 25…: Adam with lr 0.1");
            RunPoints points = store.points(runs.get(RUNS / 2).id());
            assertEquals(EPOCHS * BATCHES, points.trainLoss().size());
            assertEquals(EPOCHS * 5, points.evaluations().size());
            assertEquals("ok", store.integrityCheck());
        }
    }
}
