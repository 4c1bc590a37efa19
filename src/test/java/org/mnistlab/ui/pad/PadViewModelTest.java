package org.mnistlab.ui.pad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.HeldTaskExecutor;
import org.mnistlab.ui.LabContext;

/** The drawing pad without a window or a model: what it reads, and what it drops. */
class PadViewModelTest {
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);

    @Test
    void aReadingThatIsOutOfDateWhenItEndsIsDropped() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        PadViewModel pad = new PadViewModel(context, executor);
        pad.startStroke(100, 60);
        pad.extendStroke(100, 220); // a "1"
        float[] one = DigitPreprocessor.toMnist(pad.picture().get());
        pad.startStroke(60, 140);
        pad.extendStroke(140, 140); // now a "+": the reading of the "1" is out of date
        float[] plus = DigitPreprocessor.toMnist(pad.picture().get());

        assertEquals(1, executor.waiting(), "one reading at a time");
        executor.runNext(); // the reading started with the first stroke's first point ends
        assertNull(pad.networkInput().get(), "out of date: not shown");
        assertEquals(1, executor.waiting(), "the newest drawing is read next");
        executor.runNext();
        assertArrayEquals(plus, pad.networkInput().get(), "the newest drawing is what is shown");
        assertTrue(one.length == plus.length && !java.util.Arrays.equals(one, plus));
        assertEquals("No model yet: train one, or wait for the default model to load.", pad.message().get());
    }

    @Test
    void aBlankCanvasGetsThePromptNotAGuess() {
        PadViewModel pad = new PadViewModel(context, new CurrentThreadTaskExecutor());
        assertEquals(PadViewModel.PROMPT, pad.message().get());
        pad.startStroke(140, 140);
        pad.extendStroke(140, 200);
        assertNotNull(pad.networkInput().get());

        pad.undo();
        assertEquals(PadViewModel.PROMPT, pad.message().get());
        assertNull(pad.networkInput().get());
        assertNull(pad.probabilities().get());
        assertEquals(-1, pad.predicted().get());
        for (float ink : pad.picture().get().ink()) assertEquals(0, ink, "the canvas is blank again");
    }

    @Test
    void clearingWhileAReadingRunsDropsItAndShowsThePrompt() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        PadViewModel pad = new PadViewModel(context, executor);
        pad.startStroke(140, 60);
        pad.extendStroke(140, 220);
        pad.clear();
        executor.runAll();
        assertEquals(PadViewModel.PROMPT, pad.message().get());
        assertNull(pad.networkInput().get());
    }

    @Test
    void aDroppedFileThatIsNoImageGetsAMessageAndNoNotice(@TempDir Path dir) throws Exception {
        PadViewModel pad = new PadViewModel(context, new CurrentThreadTaskExecutor());
        Path notes = Files.writeString(dir.resolve("notes.png"), "not a picture");
        pad.readImageFile(notes);
        assertTrue(pad.message().get().startsWith(notes + ": is not an image"), pad.message().get());
        assertEquals("", context.notice().get(), "a user's file is no bug");
        assertEquals(-1, pad.predicted().get());
    }
}
