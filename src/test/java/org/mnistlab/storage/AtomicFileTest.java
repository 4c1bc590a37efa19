package org.mnistlab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("runs.csv");
        Files.writeString(target, "old");
        AtomicFile.write(target, temp -> Files.writeString(temp, "new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void failedWriteLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("charts.png");
        Files.writeString(target, "old");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFile.write(target, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", thrown.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
