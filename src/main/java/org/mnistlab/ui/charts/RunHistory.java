package org.mnistlab.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
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
    /**
     * Okabe and Ito's colour-blind-safe palette, ordered for a white background (its yellow, weak
     * on white, last). Each run also gets a marker shape (see SeriesStyle) as a second cue.
     */
    private static final Color[] PALETTE = {
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#000000"), Color.web("#C9B800")};

    static final String CSV_HEADER = "run,status,architecture,activation,optimizer,batch_size,dropout,l2,seed,"
            + "epoch,learning_rate,kind,examples_seen,value";

    private final ObservableList<RecordedRun> runs = FXCollections.observableArrayList();
    private int started;

    public RecordedRun start(NetworkSpec spec) {
        return start(spec, 0);
    }

    /** A new run on {@code examplesPerEpoch} training images (0 when not known). */
    public RecordedRun start(NetworkSpec spec, int examplesPerEpoch) {
        RecordedRun run = new RecordedRun(++started, spec, PALETTE[(started - 1) % PALETTE.length], examplesPerEpoch);
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
     * measurement), via a temporary file so a failed write never leaves half a file. Each row
     * carries what a report needs beside it: how the run ended, its settings, the epoch, and the
     * learning rate in force at that point (after a change during the run, the new one).
     */
    public static void writeCsv(List<RecordedRun> runs, Path target) throws IOException {
        AtomicFile.write(target, temp -> writeCsvTo(runs, temp));
    }

    private static void writeCsvTo(List<RecordedRun> runs, Path temp) throws IOException {
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER + "\n");
            for (RecordedRun run : runs) {
                NetworkSpec s = run.spec();
                String settings = String.join(",", String.valueOf(run.number()), status(run.state().get()),
                        s.architecture(), s.hiddenLayers().stream()
                                .map(l -> l.activation().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .collect(Collectors.joining("/")),
                        s.optimizer().name().toLowerCase(Locale.ROOT), String.valueOf(s.batchSize()),
                        String.valueOf(s.dropout()), String.valueOf(s.l2()), String.valueOf(s.seed()));
                for (LossPoint p : run.trainLoss()) {
                    out.write(row(settings, run, epochOf(run, p.examplesSeen()), p.examplesSeen(), "train_loss", p.loss()));
                }
                for (EvaluationPoint e : run.evaluations()) {
                    String epoch = String.valueOf(e.epoch());
                    out.write(row(settings, run, epoch, e.examplesSeen(), "test_loss", e.testLoss()));
                    out.write(row(settings, run, epoch, e.examplesSeen(), "test_accuracy", e.testAccuracy()));
                }
                for (RateChange change : run.rateChanges()) {
                    out.write(settings + "," + epochOf(run, change.examplesSeen()) + "," + change.learningRate()
                            + ",learning_rate_change," + change.examplesSeen() + "," + change.learningRate() + "\n");
                }
            }
        }
    }

    private static String row(String settings, RecordedRun run, String epoch, long examplesSeen, String kind,
            double value) {
        return settings + "," + epoch + "," + rateInForce(run, examplesSeen) + "," + kind + "," + examplesSeen + ","
                + value + "\n";
    }

    /**
     * The learning rate of the batch that ended at {@code examplesSeen}: the one it trained at
     * (a schedule's), else the spec's or the latest change before it. A change reported at 50,000
     * examples steers the batches after that point.
     */
    static double rateInForce(RecordedRun run, long examplesSeen) {
        List<org.mnistlab.training.RatePoint> rates = run.learningRates();
        if (!rates.isEmpty()) {
            int low = 0; // the last point that starts before examplesSeen, by bisection: a cosine has one per batch
            int high = rates.size() - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (rates.get(mid).examplesSeen() < examplesSeen) low = mid; else high = mid - 1;
            }
            return rates.get(low).learningRate();
        }
        double rate = run.spec().learningRate();
        for (RateChange change : run.rateChanges()) {
            if (change.examplesSeen() < examplesSeen) rate = change.learningRate();
        }
        return rate;
    }

    /** 1-based; empty when the run's epoch size is not known. */
    private static String epochOf(RecordedRun run, long examplesSeen) {
        long size = run.epochSize();
        if (size <= 0) return "";
        return String.valueOf(Math.max(0, examplesSeen - 1) / size + 1);
    }

    private static String status(RecordedRun.State state) {
        return switch (state) {
            case RUNNING -> "running";
            case COMPLETED -> "finished";
            case STOPPED -> "stopped";
            case DIVERGED -> "diverged";
            case STOPPED_EARLY -> "stopped early";
            case INTERRUPTED -> "interrupted";
        };
    }
}
