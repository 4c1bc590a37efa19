package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.testing.ChildJvm;
import org.mnistlab.testing.TestData;

/**
 * A class starts and stops runs dozens of times. Each run makes its own copies of the images
 * (about 40 MB here) and its own network, on the window's {@link TrainingThread}; none of it may
 * outlive the run.
 *
 * <p>Resident size is what the operating system sees, so it also counts memory the C allocator
 * keeps for reuse; the cycles run in a JVM of their own so that nothing else moves it. Measured on
 * a 2-core Linux machine (2026-11-23): with one thread for all runs, 50 cycles grow the resident
 * size by 4 MB (fast path) and 20 MB (DL4J fit); with a new thread per run by 310 and 510 MB
 * (glibc gives each new allocating thread its own malloc arena). One leaked run would hold about
 * 40 MB.
 */
class StartStopMemoryTest {
    private static final int CYCLES = 50;

    /**
     * Java heap in use; native bytes JavaCPP counts (ND4J's CPU buffers are allocated inside
     * libnd4j, so this stays near zero and the resident size is the real check); resident size.
     */
    record Memory(long heap, long tracked, long physical) {
        static Memory measure() {
            Runtime runtime = Runtime.getRuntime();
            // The trainer frees its own native arrays; a collection clears the Java garbage so the
            // heap figure compares like with like.
            System.gc();
            return new Memory(runtime.totalMemory() - runtime.freeMemory(), Pointer.totalBytes(),
                    Pointer.physicalBytes());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap %.1f MB, tracked native %.1f MB, resident %.1f MB",
                    heap / 1e6, tracked / 1e6, physical / 1e6);
        }
    }

    @ParameterizedTest
    @EnumSource(Trainer.Engine.class)
    void fiftyStartStopCyclesLeaveHeapAndNativeMemoryFlat(Trainer.Engine engine) throws Exception {
        // In a JVM of its own: the resident size of this one also carries whatever the tests
        // before (windows, other trainings) left with the C allocator, and swung by ±200 MB.
        String output;
        try (ChildJvm child = ChildJvm.start(Cycles.class, engine.name())) {
            Integer exit = child.awaitExit(300_000);
            output = child.output();
            assertEquals(0, exit, output);
        }
        String[] growth = output.lines().filter(l -> l.startsWith("growth ")).findFirst()
                .orElseThrow(() -> new AssertionError(output)).split(" ");
        System.out.println(output);
        // One leaked run would be ~40 MB of images; fifty would be 2 GB.
        assertTrue(Long.parseLong(growth[1]) < 32_000_000L, output);
        assertTrue(Long.parseLong(growth[2]) < 32_000_000L, output);
        assertTrue(Long.parseLong(growth[3]) < 100_000_000L, output);
    }

    /** The child's side: start and stop {@value #CYCLES} runs and print how memory moved. */
    public static final class Cycles {
        private Cycles() {}

        public static void main(String[] args) throws Exception {
            Trainer.Engine engine = Trainer.Engine.valueOf(args[0]);
            DigitSet train = TestData.mnist().train().first(6000);
            DigitSet test = TestData.mnist().test().first(1000);
            Trainer trainer = new Trainer(NetworkSpec.defaults(), train, test).withEngine(engine);
            TrainingThread thread = new TrainingThread();
            for (int i = 0; i < 5; i++) startAndStop(trainer, thread); // ND4J's one-time allocations, thread pools
            Memory before = Memory.measure();
            for (int i = 0; i < CYCLES; i++) startAndStop(trainer, thread);
            Memory after = Memory.measure();
            thread.shutdown(10_000);
            System.out.println("Start/stop memory, " + trainer.engineDescription() + ": before: " + before
                    + "; after " + CYCLES + " cycles: " + after);
            System.out.println("growth " + (after.heap() - before.heap()) + " " + (after.tracked() - before.tracked())
                    + " " + (after.physical() - before.physical()));
        }
    }

    /** Starts a run as the window does and presses Stop after its second batch. */
    private static void startAndStop(Trainer trainer, TrainingThread thread) throws Exception {
        TrainingControl control = new TrainingControl();
        TrainingOutcome[] outcome = new TrainingOutcome[1];
        thread.submit(() -> outcome[0] = trainer.run(new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                if (progress.batch() == 2) control.cancel();
            }
        }, control)).get();
        assertEquals(TrainingOutcome.Status.CANCELLED, outcome[0].status());
    }
}
