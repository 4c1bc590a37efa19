package org.mnistlab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.testing.ChildJvm;

/**
 * A save killed half-way (power cut, kill -9, a crash) must leave the previous model file as it
 * was: the save writes a hidden temporary file and renames it into place only when complete.
 */
class ModelFileKillTest {

    @Test
    void processKilledDuringASaveLeavesThePreviousFileIntact(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.zip");
        try (ChildJvm child = ChildJvm.start(SaveLoop.class, target.toString())) {
            child.awaitLine("saved 1", 120);
            child.awaitLine("saving 2", 30);
            Path partial = child.awaitCondition(30, () -> partialFile(dir, 1_000_000));
            child.kill();
            assertTrue(Files.exists(partial), "the kill came while the second save was writing " + partial);
        }
        ModelFile.Loaded loaded = ModelFile.read(target);
        assertEquals(SaveLoop.SPEC, loaded.model().spec());
        assertEquals(1.0, loaded.metadata().testAccuracy(), "the first, complete save");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.filter(p -> !p.equals(target)).toList();
            assertFalse(left.isEmpty(), "the killed save's temporary file is the only other file");
        }
    }

    @Test
    void sigtermDuringASaveRemovesItsTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.zip");
        try (ChildJvm child = ChildJvm.start(SaveLoop.class, target.toString())) {
            child.awaitLine("saved 1", 120);
            child.awaitLine("saving 2", 30);
            child.awaitCondition(30, () -> partialFile(dir, 1_000_000));
            child.terminate();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "the shutdown hook removed the .partial file");
        }
        assertEquals(1.0, ModelFile.read(target).metadata().testAccuracy(), "the first, complete save");
    }

    /** The temporary file of a save under way, once it has {@code minBytes}; else null. */
    private static Path partialFile(Path dir, long minBytes) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(".partial") && Files.size(p) >= minBytes) return p;
            }
        } catch (java.nio.file.NoSuchFileException renamedMeanwhile) {
            return null;
        }
        return null;
    }
}
