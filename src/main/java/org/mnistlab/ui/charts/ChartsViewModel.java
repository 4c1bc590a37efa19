package org.mnistlab.ui.charts;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistlab.drawing.ImageFiles;
import org.mnistlab.storage.AtomicFile;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.TaskExecutor;

/**
 * The learning-curve panel's state: every run of the session, and saving them (the charts as a
 * PNG, the runs as CSV) in the background. The view asks where to save and takes the picture,
 * which only the FX thread can do; a failed save says so in a notice and leaves no half file.
 */
public final class ChartsViewModel {
    private final RunHistory history;
    private final LabContext context;
    private final TaskExecutor executor;

    public ChartsViewModel(RunHistory history, LabContext context, TaskExecutor executor) {
        this.history = history;
        this.context = context;
        this.executor = executor;
    }

    public RunHistory history() {
        return history;
    }

    /** Removes a run from the charts and the list, with an Undo in the notice (and Ctrl+Z). */
    public void remove(RecordedRun run) {
        history.remove(run);
        if (history.lastRemoved().get() == run) {
            context.showDone("Removed run " + run.number() + ".", "Undo", this::undoRemove);
        }
    }

    /** Puts the last removed run back; the notice that offered it goes. */
    public void undoRemove() {
        RecordedRun run = history.lastRemoved().get();
        if (history.undoRemove()) context.showDone("Run " + run.number() + " is back.");
    }

    /** Saves a picture of the charts, {@code argb} row-major as the view's snapshot gave it. */
    public void savePng(int[] argb, int width, int height, Path target) {
        inBackground(() -> {
            AtomicFile.write(target, temp -> ImageFiles.writePng(argb, width, height, temp));
            return null;
        }, "Saved the charts to " + target);
    }

    public void exportCsv(Path target) {
        inBackground(csvExport(history.runs(), target), "Exported " + history.runs().size() + " runs to " + target);
    }

    /**
     * The CSV export as work for another thread. The runs are copied now, on the FX thread: a
     * running run keeps growing while the file is written.
     */
    static Callable<Void> csvExport(List<RecordedRun> runs, Path target) {
        List<RecordedRun> copies = runs.stream().map(RecordedRun::snapshot).toList();
        return () -> {
            RunHistory.writeCsv(copies, target);
            return null;
        };
    }

    private void inBackground(Callable<Void> work, String done) {
        BackgroundTask.wrap(work).named("lab-export")
                .onSuccess(nothing -> context.showDone(done))
                .onFailure(error -> context.report("Could not save", error))
                .executeWith(executor);
    }
}
