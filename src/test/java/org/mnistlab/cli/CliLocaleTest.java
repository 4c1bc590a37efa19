package org.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistlab.Main;
import org.mnistlab.testing.ChildJvm;

/**
 * Under {@code LC_ALL=C} (containers, cron, services) Java can only name files in ASCII, and a
 * non-ASCII argument arrives garbled: such a path is refused in one line saying why and what to do.
 */
class CliLocaleTest {

    @Test
    void aNonAsciiPathUnderTheCLocaleIsRefusedInOneLineWithTheFix() throws Exception {
        try (ChildJvm child = ChildJvm.start(Map.of("LC_ALL", "C", "LANG", "C"), List.of(), Main.class,
                List.of("evaluate", "--model", "ü/m.zip"))) {
            String output = child.outputToTheEnd(120);
            Integer code = child.awaitExit(30_000);
            assertEquals(2, code, output);
            assertEquals(1, output.lines().count(), output);
            assertTrue(output.contains("--model: the name") && output.contains("LC_ALL=C.UTF-8"), output);
            assertFalse(output.contains("Exception"), output);
        }
    }
}
