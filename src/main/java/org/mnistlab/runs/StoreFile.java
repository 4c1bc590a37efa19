package org.mnistlab.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What sits where a store belongs, judged from the file's first 100 bytes (SQLite's header)
 * without opening it: nothing yet, a lab store, a newer lab store, or something else.
 */
final class StoreFile {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal"};

    enum Kind {
        /** Absent or empty: a new store is made there. */
        NONE,
        /** An SQLite file the header marks as a lab store of this version or older. */
        LAB,
        /** A lab store of a version this app does not know: refused and left untouched. */
        NEWER,
        /** SQLite, but the header does not say whose (a store whose first write is still in its journal, or another app's file). */
        UNMARKED_SQLITE,
        /** Not an SQLite file at all. */
        FOREIGN
    }

    record Header(Kind kind, int version) {}

    private StoreFile() {}

    static Header read(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) return new Header(Kind.NONE, 0);
        byte[] head = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < head.length || !java.util.Arrays.equals(head, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0,
                SQLITE_MAGIC.length)) {
            return new Header(Kind.FOREIGN, 0);
        }
        ByteBuffer header = ByteBuffer.wrap(head); // SQLite's header is big-endian
        int userVersion = header.getInt(60);
        int applicationId = header.getInt(68);
        if (applicationId != Schema.APPLICATION_ID) return new Header(Kind.UNMARKED_SQLITE, userVersion);
        return new Header(userVersion > Schema.CURRENT_VERSION ? Kind.NEWER : Kind.LAB, userVersion);
    }

    /**
     * Renames the file (and any SQLite journal beside it) to
     * {@code runs.db.not-a-lab-store-2026-12-01T23-40-05}: kept for the user, out of the way.
     */
    static Path moveAside(Path file) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        Path target = file.resolveSibling(file.getFileName() + ".not-a-lab-store-" + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName() + ".not-a-lab-store-" + stamp + "-" + n);
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        for (String side : SIDE_FILES) {
            Path journal = file.resolveSibling(file.getFileName() + side);
            if (Files.exists(journal)) {
                Files.move(journal, target.resolveSibling(target.getFileName() + side), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    /** The journal files SQLite may keep beside {@code file}. */
    static Path[] sideFiles(Path file) {
        Path[] paths = new Path[SIDE_FILES.length];
        for (int i = 0; i < SIDE_FILES.length; i++) paths[i] = file.resolveSibling(file.getFileName() + SIDE_FILES[i]);
        return paths;
    }
}
