package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.LossPoint;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.LabContext;

/** Saving the charts and runs without a window. */
class ChartsViewModelTest {
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final RunHistory history = new RunHistory();
    private final ChartsViewModel charts = new ChartsViewModel(history, context, new CurrentThreadTaskExecutor());

    @Test
    void exportedRunsAreAnnouncedWithTheirFile(@TempDir Path dir) throws Exception {
        history.start(NetworkSpec.defaults()).append(List.of(new LossPoint(100, 2.3)), List.of(), List.of());
        Path csv = dir.resolve("runs.csv");
        charts.exportCsv(csv);
        assertEquals("Exported 1 runs to " + csv, context.notice().get());
        assertEquals(2, Files.readAllLines(csv).size());
    }

    @Test
    void aSaveThatFailsSaysSoAndLeavesNoFile(@TempDir Path dir) throws Exception {
        // A save makes missing folders, so fail it with a file where its folder should be.
        Path notAFolder = Files.createFile(dir.resolve("not-a-folder"));
        Path target = notAFolder.resolve("charts.png");
        charts.savePng(new int[] {0xFF000000}, 1, 1, target);
        assertTrue(context.notice().get().startsWith("Could not save: "), context.notice().get());
        assertFalse(Files.exists(target));
    }

    @Test
    void theChartsPictureIsSavedPixelForPixel(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("charts.png");
        charts.savePng(new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF}, 2, 2, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(0xFF0000FF, read.getRGB(0, 1));
        assertEquals(0xFF00FF00, read.getRGB(1, 0));
        assertEquals("Saved the charts to " + png, context.notice().get());
        assertTrue(context.noticeFades().get(), "a confirmation fades; it is no warning to keep");
    }

    @Test
    void aDeletedRunComesBackThroughTheNoticesUndo() {
        RunListViewModel list = new RunListViewModel(history, context, new CurrentThreadTaskExecutor());
        RecordedRun first = history.start(NetworkSpec.defaults());
        RecordedRun second = history.start(NetworkSpec.defaults());
        first.finishAs(RecordedRun.State.COMPLETED);
        list.delete(first);
        assertEquals(List.of(second), history.runs());
        assertEquals("Run 1 deleted.", context.notice().get());
        assertEquals("Undo", context.noticeAction().get().label());
        assertTrue(context.noticeFades().get());

        context.runNoticeAction();
        assertTrue(history.runs().contains(first), "back on the list, with its colour and curves");
        assertEquals("", context.notice().get(), "the notice that offered it is gone");
    }
}
