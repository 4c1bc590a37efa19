package org.mnistlab.ui.pad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.DigitSet;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.inspection.ActivationStrip;
import org.mnistlab.inspection.DrawingReading;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
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
        assertEquals("?", pad.answer().get());
        for (float ink : pad.picture().get().ink()) assertEquals(0, ink, "the canvas is blank again");
    }

    @Test
    void liftingThePenElsewhereCarriesTheStrokeThereOnce() {
        PadViewModel pad = new PadViewModel(context, new CurrentThreadTaskExecutor());
        pad.startStroke(80, 50);
        pad.extendStroke(200, 50);
        pad.endStroke(125, 245); // the stem's moves came folded into the release
        assertEquals(3, pad.strokes().get(0).points().size());
        pad.endStroke(125, 245);
        assertEquals(3, pad.strokes().get(0).points().size(), "a release where the stroke ends adds nothing");
        assertEquals(1, pad.strokeCount().get());
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

    @Test
    void aStrokeIsReadStepByStepWithEveryHiddenLayersActivations() {
        context.useModel(ModelFile.loadBundledDefault().model(), "bundled 784-512-256-10");
        PadViewModel pad = new PadViewModel(context, new CurrentThreadTaskExecutor());
        pad.startStroke(140, 40);
        pad.extendStroke(140, 240); // a "1"
        DrawingReading reading = pad.details().get();
        assertNotNull(reading);
        int[] box = reading.steps().box();
        assertTrue(box[0] > 110 && box[2] < 170 && box[1] < 45 && box[3] > 235, java.util.Arrays.toString(box));
        assertEquals(20, reading.steps().scaledHeight(), "the tall side becomes 20 px");
        assertArrayEquals(reading.steps().centred(), pad.networkInput().get());
        assertEquals(2, reading.strips().size(), "784-512-256-10: two hidden layers");
        assertEquals(ActivationStrip.MAX_CELLS, reading.strips().get(0).units().length, "512 units, 64 shown");
        assertArrayEquals(reading.probabilities(), pad.probabilities().get());
        assertEquals(1, pad.predicted().get());
        assertEquals(512, pad.firstLayer().get().shown(), "the strip's units link to these weight pictures");

        float[] before = reading.strips().get(0).values();
        pad.startStroke(100, 40);
        pad.extendStroke(180, 40); // a bar on top: a "7" now
        assertFalse(java.util.Arrays.equals(before, pad.details().get().strips().get(0).values()),
                "the activations follow the drawing");
    }

    @Test
    void aTestImageSentToThePadIsReadAndCanBeDrawnOver() {
        context.useModel(ModelFile.loadBundledDefault().model(), "bundled");
        PadViewModel pad = new PadViewModel(context, new CurrentThreadTaskExecutor());
        DigitSet test = TestData.mnist().test();
        pad.startFrom(test.intensities(0));
        assertEquals(test.label(0), pad.predicted().get(), "the bundled model reads test image 0 on the pad too");
        float[] start = pad.picture().get().ink().clone();

        pad.startStroke(20, 260);
        pad.extendStroke(60, 260);
        float[] drawnOver = pad.picture().get().ink();
        for (int i = 0; i < start.length; i++) assertTrue(drawnOver[i] >= start[i], "the picture stays under the stroke");

        pad.undo();
        assertArrayEquals(start, pad.picture().get().ink(), "undo takes the stroke back, not the picture");
        pad.undo();
        assertEquals(PadViewModel.PROMPT, pad.message().get(), "a second undo takes the picture away");
        assertNull(pad.details().get());
    }

    @Test
    void belowSixtyPercentThePadNamesTheTwoDigitsItHesitatesBetween() {
        float[] torn = {0.01f, 0.01f, 0.02f, 0.02f, 0.48f, 0.02f, 0.02f, 0.02f, 0.03f, 0.37f};
        assertEquals("Unsure: between 4 (48 %) and 9 (37 %)", PadViewModel.doubt(torn));
        float[] sure = {0.6f, 0.4f, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("", PadViewModel.doubt(sure), "0.6 is sure enough");
        assertEquals("", PadViewModel.doubt(null), "nothing drawn, nothing to doubt");
    }
}
