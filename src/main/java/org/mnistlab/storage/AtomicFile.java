package org.mnistlab.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file so that it is either the old file or the complete new one, never half of it: the
 * contents go to a hidden temporary file beside the target, which is flushed to disk and then
 * renamed over the target.
 *
 * <p>What a careful user expects of a save, beyond that:
 * <ul>
 *   <li>Only a regular file is replaced. A symbolic link is written through: its target gets the
 *       new contents and the link stays a link (a {@code latest.zip} pointing at a run's file keeps
 *       pointing there). A folder, a device such as {@code /dev/null}, a FIFO or a socket is refused.</li>
 *   <li>A replaced file keeps its permissions (and, where allowed, its owner); a new file gets the
 *       user's umask like any other new file, so a model saved in a shared class folder is readable
 *       by the class.</li>
 *   <li>The temporary name is short ({@code .mnistlab-XXXXXXXX.partial}), so any file name the
 *       disk allows can be saved.</li>
 *   <li>The temporary file is removed on every failure and on SIGINT/SIGTERM (a shutdown hook);
 *       only a kill -9 or a power cut can leave one, and {@link #removeStale} tidies those.</li>
 * </ul>
 */
public final class AtomicFile {
    /** Writes the new contents into the temporary file it is given. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }

    static final String TEMP_PREFIX = ".mnistlab-";
    static final String TEMP_SUFFIX = ".partial";
    /** Ours: this version's names, and the {@code .NAME<digits>.partial} of earlier versions. */
    private static final Pattern OUR_TEMP = Pattern.compile("\\.mnistlab-[0-9a-f]{8}\\.partial|\\..+\\d+\\.partial");
    /** The most a file name may have on Linux, macOS and Windows file systems. */
    static final int MAX_NAME_BYTES = 255;
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // Ctrl+C or kill during a save: the JVM runs shutdown hooks but no finally blocks.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path temp : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Exiting anyway; removeStale tidies it on a later start.
                }
            }
        }, "mnistlab-partial-cleanup"));
    }

    /** Writes straight to the disk. */
    public static final AtomicFile DISK = new AtomicFile(UnaryOperator.identity());

    private final UnaryOperator<OutputStream> streams;

    /** @param streams wraps the stream to the temporary file; tests pass one that fails like a full disk */
    AtomicFile(UnaryOperator<OutputStream> streams) {
        this.streams = streams;
    }

    /** Writes the file through its path, for writers that want one (ImageIO, Files.newBufferedWriter). */
    public static void write(Path target, IOConsumer<Path> writeTemp) throws IOException {
        DISK.replace(target, temp -> {
            writeTemp.accept(temp);
            return null;
        });
    }

    /** Writes the file through a stream; the stream is buffered, flushed and closed here. */
    public void writeStream(Path target, IOConsumer<OutputStream> contents) throws IOException {
        replace(target, temp -> {
            try (OutputStream out = new BufferedOutputStream(streams.apply(Files.newOutputStream(temp)), 1 << 16)) {
                contents.accept(out);
            }
            return null;
        });
    }

    private interface TempWriter {
        Void write(Path temp) throws IOException;
    }

    private void replace(Path target, TempWriter writer) throws IOException {
        Path destination = destination(target);
        createFolders(destination.getParent(), target);
        PosixFileAttributes previous = posixAttributes(destination);
        Path temp = createTemp(destination.getParent());
        IN_PROGRESS.add(temp);
        try {
            writer.write(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before the rename makes it the real file
            }
            if (previous != null) keepOwnerAndPermissions(temp, previous);
            moveIntoPlace(temp, destination);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a leftover hidden file; the write itself already succeeded or failed.
            }
            IN_PROGRESS.remove(temp);
        }
    }

    /**
     * Checks, before any work is done, that {@code target} can be written: it names a file (not a
     * folder), is absent or a regular file (or a link to one), its name fits the disk, and its folder
     * exists or can be made and takes a new file. Makes the missing folders, as a save would.
     *
     * @throws IOException saying in words what is in the way ({@link org.mnistlab.FileProblems})
     */
    public static void requireWritable(Path target) throws IOException {
        Path destination = destination(target);
        createFolders(destination.getParent(), target);
        Path probe = createTemp(destination.getParent());
        Files.delete(probe);
    }

    private static void createFolders(Path folder, Path target) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new FileSystemException(target.toString(), null, e.getFile() + " is a file, not a folder");
        }
    }

    /**
     * Where a save of {@code target} writes: the target itself, or the file a symbolic link points to.
     *
     * @throws FileSystemException when it is not something a save may replace
     */
    static Path destination(Path target) throws IOException {
        String name = target.toString();
        Path absolute = target.toAbsolutePath().normalize();
        if (name.isEmpty() || absolute.getFileName() == null || name.endsWith("/")) {
            throw new FileSystemException(name, null, "names a folder, not a file (give a file name such as model.zip)");
        }
        Path destination = absolute;
        if (Files.isSymbolicLink(absolute)) {
            destination = Files.exists(absolute) ? absolute.toRealPath()
                    : absolute.resolveSibling(Files.readSymbolicLink(absolute)).normalize();
        }
        requireNameFits(destination.getFileName().toString(), name);
        for (Path folder = destination.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder)) {
                if (!Files.isDirectory(folder)) {
                    throw new FileSystemException(name, null, folder + " is a file, not a folder");
                }
                break;
            }
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(destination, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return destination;
        }
        if (!attributes.isRegularFile()) {
            throw new FileSystemException(name, null, (attributes.isDirectory() ? "is a folder"
                    : "is not a regular file (" + kind(destination) + ")")
                    + "; MNIST Lab only replaces regular files");
        }
        return destination;
    }

    private static void requireNameFits(String fileName, String shown) throws FileSystemException {
        int bytes = fileName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new FileSystemException(shown, null, "the file name is " + bytes + " bytes long; a disk allows "
                    + MAX_NAME_BYTES);
        }
    }

    /** What kind of file a special file is, in the words of {@code ls -l}'s first letter. */
    private static String kind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (((Integer) mode) & 0xF000) {
                case 0x2000 -> "a character device";
                case 0x6000 -> "a block device";
                case 0x1000 -> "a FIFO";
                case 0xC000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /** Created with no permissions of ours, so the user's umask decides, as for any new file. */
    private static Path createTemp(Path folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve(TEMP_PREFIX + String.format("%08x", RANDOM.nextInt()) + TEMP_SUFFIX);
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    private static PosixFileAttributes posixAttributes(Path file) {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return null; // absent, or not a POSIX disk (Windows): nothing to keep
        }
    }

    private static void keepOwnerAndPermissions(Path temp, PosixFileAttributes previous) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        try {
            view.setGroup(previous.group());
            view.setOwner(previous.owner());
        } catch (IOException notAllowed) {
            // Only root may give a file away; a user's own file keeps its owner anyway.
        }
        view.setPermissions(previous.permissions());
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the temporary files that killed saves left in {@code folder}, once older than
     * {@code age} (a younger one may be a save under way in another window).
     *
     * @return the files removed, for the log
     */
    public static List<Path> removeStale(Path folder, Duration age) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) return removed;
        Instant before = Instant.now().minus(age);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!OUR_TEMP.matcher(file.getFileName().toString()).matches()) continue;
                try {
                    FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
                    if (modified.toInstant().isBefore(before) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(file);
                        removed.add(file);
                    }
                } catch (IOException skipped) {
                    // Gone meanwhile, or not ours to delete.
                }
            }
        } catch (IOException unreadable) {
            // Nothing to tidy that we can see.
        }
        return removed;
    }
}
