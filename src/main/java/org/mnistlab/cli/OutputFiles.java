package org.mnistlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mnistlab.LabException;
import org.mnistlab.storage.AtomicFile;

/** Files the commands write (pictures), each all-or-nothing, with failures as one line naming the file. */
final class OutputFiles {
    private OutputFiles() {}

    static void write(Path target, AtomicFile.IOConsumer<Path> writeTemp) {
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new LabException(target + ": cannot write, the folder " + folder + " does not exist");
        }
        try {
            AtomicFile.write(target, writeTemp);
        } catch (IOException e) {
            throw new LabException(target + ": could not write (" + e.getMessage() + ")", e);
        }
    }

    /** The folder, made if it is missing; a file of that name is refused. */
    static Path folder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new LabException(dir + ": is a file, not a folder");
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LabException(dir + ": could not create the folder (" + e.getMessage() + ")", e);
        }
    }
}
