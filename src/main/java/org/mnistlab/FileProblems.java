package org.mnistlab;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says in words what went wrong with a file. Java's own messages are often just the path again
 * ({@code AccessDeniedException: /data/x}) or a class name; a student needs "permission denied"
 * or "the disk is full" to know what to do.
 */
public final class FileProblems {
    private FileProblems() {}

    /** A few words for {@code e}, without the path (the caller names the file already). */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof NotDirectoryException) return "a part of the path is a file, not a folder";
        if (e instanceof FileAlreadyExistsException) return "a file is in the way";
        if (e instanceof DirectoryNotEmptyException) return "a folder is in the way";
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) return "the disk is full";
        if (lower.contains("read-only file system")) return "the disk is read-only";
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
            return "permission denied";
        }
        if (lower.contains("file name too long")) return "the file name is too long";
        if (lower.contains("disk quota")) return "the disk quota is used up";
        if (text == null || text.isBlank()) return e.getClass().getSimpleName();
        return text;
    }
}
