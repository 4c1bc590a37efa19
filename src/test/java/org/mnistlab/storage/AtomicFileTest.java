package org.mnistlab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.mnistlab.FileProblems;

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

    @Test
    void aDiskThatFillsUpMidWriteLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model.zip");
        Files.writeString(target, "old");
        AtomicFile fullDisk = new AtomicFile(out -> new FullDisk(out, 1000));
        IOException e = assertThrows(IOException.class,
                () -> fullDisk.writeStream(target, out -> out.write(new byte[100_000])));
        assertEquals("the disk is full", FileProblems.describe(e));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(dir.resolve("run-7.zip"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.zip"), real.getFileName());
        AtomicFile.write(link, temp -> Files.writeString(temp, "new"));
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new", Files.readString(real));
        assertEquals(2, filesIn(dir).size(), "no temporary file left: " + filesIn(dir));
    }

    @Test
    void aFifoIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("model.zip");
        org.mnistlab.testing.TestData.fifo(fifo);
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFile.write(fifo, temp -> Files.writeString(temp, "new")));
        assertEquals("is not a regular file (a FIFO); MNIST Lab only replaces regular files", e.getReason());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), "still a FIFO");
        assertEquals(List.of(fifo), filesIn(dir));
    }

    @Test
    void aDeviceIsRefusedByItsFileTypeWithoutBeingWritten() {
        // Only reads /dev/null's attributes: the check comes before any file is created.
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFile.destination(Path.of("/dev/null")));
        assertEquals("is not a regular file (a character device); MNIST Lab only replaces regular files", e.getReason());
        assertThrows(FileSystemException.class, () -> AtomicFile.requireWritable(Path.of("/dev/null")));
    }

    @Test
    void aReplacedFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("shared.csv"), "old");
        Set<PosixFilePermission> classReadable = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(target, classReadable);
        AtomicFile.write(target, temp -> Files.writeString(temp, "new"));
        assertEquals(classReadable, Files.getPosixFilePermissions(target));
    }

    @Test
    void aNewFileGetsTheUmaskLikeAnyOtherNewFile(@TempDir Path dir) throws IOException {
        Path plain = Files.createFile(dir.resolve("made-by-hand"));
        Path saved = dir.resolve("saved.csv");
        AtomicFile.write(saved, temp -> Files.writeString(temp, "new"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(saved));
    }

    @Test
    void aNameOfNearlyTheLongestTheDiskAllowsCanBeSaved(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("m".repeat(AtomicFile.MAX_NAME_BYTES - 4) + ".zip");
        AtomicFile.write(target, temp -> Files.writeString(temp, "new"));
        assertEquals("new", Files.readString(target));
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFile.requireWritable(dir.resolve("m".repeat(AtomicFile.MAX_NAME_BYTES) + ".zip")));
        assertTrue(e.getReason().startsWith("the file name is 259 bytes long"), e.getReason());
    }

    @Test
    void staleTemporaryFilesOlderThanTheAgeAreRemovedAndOthersKept(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve(".mnistlab-0123abcd.partial"), "x");
        Path oldStyle = Files.writeString(dir.resolve(".m.zip123456.partial"), "x");
        Path fresh = Files.writeString(dir.resolve(".mnistlab-89abcdef.partial"), "x");
        Path someoneElses = Files.writeString(dir.resolve("notes.partial"), "x");
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        for (Path p : List.of(old, oldStyle, someoneElses)) Files.setLastModifiedTime(p, twoDaysAgo);
        assertEquals(Set.of(old, oldStyle), Set.copyOf(AtomicFile.removeStale(dir, Duration.ofDays(1))));
        assertEquals(Set.of(fresh, someoneElses), Set.copyOf(filesIn(dir)));
    }

    /** A disk with {@code room} bytes left: then every write fails as Linux reports ENOSPC. */
    static final class FullDisk extends FilterOutputStream {
        private long room;

        FullDisk(OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) throw new FileSystemException("model.zip", null, "No space left on device");
            room -= len;
            out.write(b, off, len);
        }
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
