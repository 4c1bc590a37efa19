package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistlab.testing.ChildJvm;

/**
 * Closing the window in the middle of a run stops the run and ends the process: nothing keeps
 * training unseen, and no thread of ours outlives the window.
 */
class WindowCloseTest {
    /** "A couple of seconds" with room for a loaded CI machine; a run left going never ends at all. */
    private static final long EXIT_BOUND_MS = 10_000;

    @Test
    void closingTheWindowDuringTrainingStopsTheRunAndExits() throws Exception {
        try (ChildJvm lab = ChildJvm.start(ClosingLab.Child.class, "", monocle())) {
            lab.awaitLine("training", 180);
            Integer exitCode = lab.awaitExit(EXIT_BOUND_MS);
            String output = lab.output();
            assertNotNull(exitCode, "still running " + EXIT_BOUND_MS + " ms after the window closed:\n" + output);
            assertEquals(0, exitCode, output);
            assertTrue(output.contains("threads left: []"), output);
        }
    }

    /** The headless platform the TestFX tests run on, passed on from this JVM's properties. */
    private static String[] monocle() {
        return java.util.stream.Stream.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
                        "headless.geometry")
                .filter(name -> System.getProperty(name) != null)
                .map(name -> "-D" + name + "=" + System.getProperty(name))
                .toArray(String[]::new);
    }
}
