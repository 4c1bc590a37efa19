package org.mnistlab.ui.charts;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    /** Whether the loss axis is logarithmic: late epochs' small improvements show, and a blow-up fits. */
    private final javafx.beans.property.BooleanProperty logLossAxis = new javafx.beans.property.SimpleBooleanProperty();
    private final ObjectProperty<CurveAxis> xAxis = new SimpleObjectProperty<>(CurveAxis.EXAMPLES);

    public ChartsViewModel(RunHistory history, LabContext context, TaskExecutor executor) {
        this.history = history;
        this.context = context;
        this.executor = executor;
    }

    public RunHistory history() {
        return history;
    }

    public javafx.beans.property.BooleanProperty logLossAxis() {
        return logLossAxis;
    }

    /**
     * Where a loss goes on the loss chart's y axis: the loss, or its log10 on a log axis (JavaFX has
     * no log axis, so the chart plots log10 and labels the ticks with the values); null for one that
     * cannot be drawn there (0 or below on a log axis, NaN).
     */
    public Double lossOnAxis(double loss) {
        if (!Double.isFinite(loss)) return null;
        if (!logLossAxis.get()) return loss;
        return loss > 0 ? Math.log10(loss) : null;
    }

    /** What the x axis counts: examples seen, or epochs as the course plots do. */
    public ObjectProperty<CurveAxis> xAxis() {
        return xAxis;
    }

    LabContext context() {
        return context;
    }

    TaskExecutor executor() {
        return executor;
    }

    /** Saves a picture of the charts, {@code argb} row-major as the view's snapshot gave it. */
    public void savePng(int[] argb, int width, int height, Path target) {
        inBackground(() -> {
            AtomicFile.write(target, temp -> ImageFiles.writePng(argb, width, height, temp));
            return null;
        }, "Saved the charts to " + target);
    }

    /** The runs on the charts (the ticked ones) as CSV. */
    public void exportCsv(Path target) {
        List<RecordedRun> shown = history.runs().stream().filter(run -> run.visible().get()).toList();
        inBackground(csvExport(shown, target), "Exported " + shown.size() + " runs to " + target);
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
