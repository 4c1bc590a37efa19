package org.mnistlab.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.runs.StoredRun;
import org.mnistlab.storage.AtomicFile;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;

/**
 * Every run the window knows, in the order it learned of them: the stored runs of earlier
 * sessions and this session's runs. What the charts overlay (the ticked ones) and the run list shows.
 */
public final class RunHistory {
    private static final Color[] PALETTE = {
        Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#ff7f0e"),
        Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf")};

    private final ObservableList<RecordedRun> runs = FXCollections.observableArrayList();
    private int started;

    public RecordedRun start(NetworkSpec spec) {
        RecordedRun run = new RecordedRun(++started, spec, PALETTE[(started - 1) % PALETTE.length]);
        runs.add(run);
        return run;
    }

    /**
     * Past runs read from the store, hidden until ticked. Runs started later in this session are
     * numbered after the highest stored id, so numbers and colours do not repeat.
     */
    public List<RecordedRun> addStored(List<StoredRun> stored) {
        List<RecordedRun> added = new java.util.ArrayList<>();
        for (StoredRun s : stored) {
            if (s.spec() == null) continue; // settings of a newer lab this one cannot read: 'runs show' still lists them
            added.add(RecordedRun.fromStore(s, PALETTE[(int) ((s.id() - 1) % PALETTE.length)]));
            started = (int) Math.max(started, s.id());
        }
        runs.addAll(added);
        return added;
    }

    public void remove(RecordedRun run) {
        runs.remove(run);
    }

    /** Puts a removed run back (an undone delete). */
    public void restore(RecordedRun run) {
        if (!runs.contains(run)) runs.add(run);
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
