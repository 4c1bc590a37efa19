package org.mnistlab.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mnistlab.storage.UserFolders;

/**
 * The window's questions for a file or folder; each answer is null when the user cancels.
 * An interface so that tests can answer without a native dialog.
 */
public interface FileDialogs {
    Path chooseDataFolder(Window owner);

    Path chooseModelToOpen(Window owner);

    Path chooseModelSaveTarget(Window owner);

    /** Where to save the model, suggesting {@code fileName} (e.g. "run-3-784-64-32-10-97.1pct.zip"). */
    default Path chooseModelSaveTarget(Window owner, String fileName) {
        return chooseModelSaveTarget(owner);
    }

    /** Where to save an export (charts, runs) of the given type, suggesting {@code fileName}. */
    Path chooseExportTarget(Window owner, String title, String fileName, FileChooser.ExtensionFilter type);

    /** An exported runs file to import; tests that do not import need not answer. */
    default Path chooseRunsToImport(Window owner) {
        return null;
    }

    /** A zip of digits (My digits › Import…); tests that do not import need not answer. */
    default Path chooseMyDigitsToImport(Window owner) {
        return null;
    }

    /** The platform's own dialogs. */
    FileDialogs SYSTEM = new FileDialogs() {
        @Override
        public Path chooseDataFolder(Window owner) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A folder with the four MNIST files (raw or .gz)");
            return path(chooser.showDialog(owner));
        }

        @Override
        public Path chooseModelToOpen(Window owner) {
            return path(modelChooser("Open a model").showOpenDialog(owner));
        }

        @Override
        public Path chooseModelSaveTarget(Window owner) {
            return chooseModelSaveTarget(owner, "model.zip");
        }

        @Override
        public Path chooseModelSaveTarget(Window owner, String fileName) {
            FileChooser chooser = modelChooser("Save the model");
            chooser.setInitialFileName(fileName);
            return path(chooser.showSaveDialog(owner));
        }

        @Override
        public Path chooseExportTarget(Window owner, String title, String fileName,
                FileChooser.ExtensionFilter type) {
            FileChooser chooser = chooser(title, UserFolders.dataFolder());
            chooser.setInitialFileName(fileName);
            chooser.getExtensionFilters().add(type);
            return path(chooser.showSaveDialog(owner));
        }

        @Override
        public Path chooseRunsToImport(Window owner) {
            return chooseToImport(owner, "Import runs", new FileChooser.ExtensionFilter("MNIST Lab runs", "*.mnistlab-runs"));
        }

        @Override
        public Path chooseMyDigitsToImport(Window owner) {
            return chooseToImport(owner, "Import digits", new FileChooser.ExtensionFilter("Zip of PNGs", "*.zip"));
        }

        /** A file to import from, of {@code type} or any other, starting in the data folder. */
        private Path chooseToImport(Window owner, String title, FileChooser.ExtensionFilter type) {
            FileChooser chooser = chooser(title, UserFolders.dataFolder());
            chooser.getExtensionFilters().addAll(type, new FileChooser.ExtensionFilter("Any file", "*"));
            return path(chooser.showOpenDialog(owner));
        }

        private FileChooser modelChooser(String title) {
            FileChooser chooser = chooser(title, UserFolders.modelsFolder());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MNIST Lab model", "*.zip"));
            return chooser;
        }

        /** Opens in {@code folder}, made if need be: the user's data folder, never the installation folder. */
        private FileChooser chooser(String title, Path folder) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            File directory = folder.toFile();
            if (directory.isDirectory() || directory.mkdirs()) chooser.setInitialDirectory(directory);
            return chooser;
        }

        private Path path(File file) {
            return file == null ? null : file.toPath();
        }
    };
}
