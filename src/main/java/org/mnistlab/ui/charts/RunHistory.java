package org.mnistlab.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.storage.AtomicFile;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;

/** Every run of this session, oldest first: what the charts overlay and the run list shows. */
public final class RunHistory {
    /**
     * Okabe and Ito's colour-blind-safe palette, ordered for a white background (its yellow, weak
     * on white, last). Each run also gets a marker shape (see SeriesStyle) as a second cue.
     */
    private static final Color[] PALETTE = {
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#000000"), Color.web("#C9B800")};

    private final ObservableList<RecordedRun> runs = FXCollections.observableArrayList();
    /** The last run removed and where it stood, so that Undo can put it back; null when there is none. */
    private final ReadOnlyObjectWrapper<RecordedRun> lastRemoved = new ReadOnlyObjectWrapper<>();
    private int lastRemovedIndex;
    private int started;

    public RecordedRun start(NetworkSpec spec) {
        RecordedRun run = new RecordedRun(++started, spec, PALETTE[(started - 1) % PALETTE.length]);
        runs.add(run);
        return run;
    }

    public void remove(RecordedRun run) {
        int index = runs.indexOf(run);
        if (index < 0) return;
        runs.remove(index);
        lastRemovedIndex = index;
        lastRemoved.set(run);
    }

    /** Puts the last removed run back where it was, with its colour and curves; false if there is none. */
    public boolean undoRemove() {
        RecordedRun run = lastRemoved.get();
        if (run == null) return false;
        runs.add(Math.min(lastRemovedIndex, runs.size()), run);
        lastRemoved.set(null);
        return true;
    }

    /** The run Undo would put back, or null. */
    public ReadOnlyObjectProperty<RecordedRun> lastRemoved() {
        return lastRemoved.getReadOnlyProperty();
    }

    public ObservableList<RecordedRun> runs() {
        return runs;
    }

    /**
     * Writes every run's raw points as CSV (one row per training batch and per test
     * measurement), via a temporary file so a failed write never leaves half a file.
     */
    public static void writeCsv(List<RecordedRun> runs, Path target) throws IOException {
        AtomicFile.write(target, temp -> writeCsvTo(runs, temp));
    }

    private static void writeCsvTo(List<RecordedRun> runs, Path temp) throws IOException {
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write("run,architecture,optimizer,learning_rate,batch_size,kind,examples_seen,value\n");
            for (RecordedRun run : runs) {
                NetworkSpec s = run.spec();
                String prefix = String.format(Locale.ROOT, "%d,%s,%s,%s,%d,", run.number(), s.architecture(),
                        s.optimizer().name().toLowerCase(Locale.ROOT), s.learningRate(), s.batchSize());
                for (LossPoint p : run.trainLoss()) {
                    out.write(prefix + "train_loss," + p.examplesSeen() + "," + p.loss() + "\n");
                }
                for (EvaluationPoint e : run.evaluations()) {
                    out.write(prefix + "test_loss," + e.examplesSeen() + "," + e.testLoss() + "\n");
                    out.write(prefix + "test_accuracy," + e.examplesSeen() + "," + e.testAccuracy() + "\n");
                }
                for (RateChange change : run.rateChanges()) {
                    out.write(prefix + "learning_rate_change," + change.examplesSeen() + "," + change.learningRate()
                            + "\n");
                }
            }
        }
    }
}
