package org.mnistlab.ui.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.HeldTaskExecutor;
import org.mnistlab.ui.LabContext;

/** Save model… and Open model… without a window or dialogs. */
class ModelFilesViewModelTest {
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final TrainedModel bundled = ModelFile.loadBundledDefault().model();

    @Test
    void aFileThatIsNoModelKeepsTheCurrentModel(@TempDir Path dir) throws Exception {
        context.useModel(bundled, "the bundled default model");
        ModelFilesViewModel files = new ModelFilesViewModel(context, new CurrentThreadTaskExecutor());
        Path notes = Files.writeString(dir.resolve("notes.zip"), "my notes");

        files.open(notes);

        assertSame(bundled, context.model().get());
        assertEquals("the bundled default model", context.modelDescription().get());
        assertTrue(context.notice().get().startsWith("Could not open notes.zip; the current model stays: "),
                context.notice().get());
        assertEquals("", files.lastAction().get());
        assertFalse(files.busy().get());
    }

    @Test
    void aSavedModelOpensAgainAsTheModelInUse(@TempDir Path dir) {
        context.useModel(bundled, "the bundled default model");
        ModelFilesViewModel files = new ModelFilesViewModel(context, new CurrentThreadTaskExecutor());
        Path file = dir.resolve("mine.zip");

        files.save(file);
        assertEquals("Saved the model to " + file, files.lastAction().get());
        files.open(file);

        assertNotSame(bundled, context.model().get());
        assertEquals("mine.zip (" + bundled.spec().architecture() + ")", context.modelDescription().get());
        assertEquals("Opened " + file, files.lastAction().get());
    }

    @Test
    void theOpenedNoticeGoesOnceAnotherModelReplacesIt(@TempDir Path dir) {
        context.useModel(bundled, "the bundled default model");
        ModelFilesViewModel files = new ModelFilesViewModel(context, new CurrentThreadTaskExecutor());
        Path file = dir.resolve("mine.zip");
        files.save(file);
        files.open(file);
        assertEquals("Opened " + file, files.lastAction().get());

        // As training hands over its network: another one. (The model property tells a change by
        // equals, and DL4J networks with equal weights are equal, so the bundled one would not do.)
        context.useModel(new TrainedModel(NetworkSpec.defaults(), null), "784-64-32-10 from run 1");
        assertEquals("", files.lastAction().get());
    }

    @Test
    void nothingCanBeSavedWithoutAModelOrWhileAFileIsBusy(@TempDir Path dir) {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        ModelFilesViewModel files = new ModelFilesViewModel(context, executor);
        assertFalse(files.canSave().get(), "no model yet");
        context.useModel(bundled, "the bundled default model");
        assertTrue(files.canSave().get());
        files.save(dir.resolve("a.zip"));
        assertTrue(files.busy().get());
        assertFalse(files.canSave().get(), "one file at a time");
        executor.runAll();
        assertTrue(files.canSave().get());
    }
}
