package org.mnistlab.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it is either the old file or the complete new one, never half of it: the
 * contents go to a hidden temporary file beside the target, which is flushed to disk and then
 * renamed over the target. A crash or a kill mid-write leaves at most a stray {@code .partial}
 * file; a failed write deletes it.
 */
public final class AtomicFile {
    /** Writes the new contents into the temporary file it is given. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }

    private AtomicFile() {}

    /** The target's folder must exist: the temporary file is created there, on the same disk. */
    public static void write(Path target, IOConsumer<Path> writeTemp) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
        try {
            writeTemp.accept(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before the rename makes it the real file
            }
            moveIntoPlace(temp, absolute);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a leftover hidden file; the write itself already succeeded or failed.
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
