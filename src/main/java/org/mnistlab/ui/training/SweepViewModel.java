package org.mnistlab.ui.training;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.RateSweep;
import org.mnistlab.ui.charts.RecordedRun;
import org.mnistlab.ui.designer.DesignerViewModel;

/**
 * "Compare learning rates": one run per rate with the designer's other settings, queued one
 * after another on the training thread (a run already uses both cores), cancellable, and a
 * summary of each run's final test accuracy and best validation accuracy against its rate.
 */
public final class SweepViewModel {
    /** One run of the sweep, with what the summary plots: NaN until measured. */
    public record Result(double rate, RecordedRun run) {
        public double finalTestAccuracy() {
            EvaluationPoint last = run.lastEvaluation();
            return last == null ? Double.NaN : last.testAccuracy();
        }

        /** NaN for a run without validation images. */
        public double bestValidationAccuracy() {
            EvaluationPoint best = run.bestValidation();
            return best == null ? Double.NaN : best.validationAccuracy();
        }
    }

    private final DesignerViewModel designer;
    private final TrainingViewModel training;
    private final StringProperty rates = new SimpleStringProperty("0.5,0.05,0.005");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ObservableList<Result> results = FXCollections.observableArrayList();
    private final Deque<NetworkSpec> queue = new ArrayDeque<>();
    private int total;

    public SweepViewModel(DesignerViewModel designer, TrainingViewModel training) {
        this.designer = designer;
        this.training = training;
    }

    /** Queues one run per rate and starts the first; a bad list or bad settings only say why. */
    public void start() {
        if (running.get() || training.running().get()) return;
        if (!designer.canTrain().get()) {
            problem.set(designer.trainBlockedReason().get());
            return;
        }
        RateSweep sweep;
        try {
            sweep = RateSweep.parse(rates.get());
        } catch (InvalidSpecException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        results.clear();
        queue.clear();
        queue.addAll(sweep.specs(designer.check().get().spec()));
        total = queue.size();
        running.set(true);
        startNext();
    }

    private void startNext() {
        NetworkSpec next = queue.poll();
        if (next == null || !running.get()) {
            finish(results.size() == total ? "Done: " + total + " runs, one per rate." : progress.get());
            return;
        }
        int number = total - queue.size();
        progress.set("Run " + number + " of " + total + ": learning rate " + NetworkSpec.formatNumber(next.learningRate()));
        double rate = next.learningRate();
        RecordedRun run = training.train(next, ended -> {
            // A run that ends replaces its entry, so whoever draws the summary hears of it.
            int at = indexOf(ended);
            if (at >= 0) results.set(at, new Result(rate, ended)); else results.add(new Result(rate, ended));
            startNext();
        });
        if (run == null) {
            finish("Could not start the run at " + NetworkSpec.formatNumber(rate) + ".");
            return;
        }
        if (indexOf(run) < 0) results.add(new Result(rate, run)); // still training: shown as it goes
    }

    private int indexOf(RecordedRun run) {
        for (int i = 0; i < results.size(); i++) if (results.get(i).run() == run) return i;
        return -1;
    }

    /** Empties the queue and stops the run under way; the runs so far stay, with their summary. */
    public void cancel() {
        if (!running.get()) return;
        int left = queue.size();
        queue.clear();
        running.set(false);
        training.stop();
        progress.set("Cancelled: " + left + (left == 1 ? " run" : " runs") + " not started.");
    }

    private void finish(String text) {
        running.set(false);
        queue.clear();
        progress.set(text);
    }

    /** The rates as typed: a list, or FROM:TO:N. */
    public StringProperty rates() { return rates; }
    /** Why the sweep did not start, or empty. */
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    /** "Run 2 of 3: learning rate 0.05", then how it ended. */
    public ReadOnlyStringProperty progress() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty running() { return running.getReadOnlyProperty(); }
    /** One per run started, in order; each is replaced once its run ends, so a list watcher redraws. */
    public ObservableList<Result> results() { return results; }
}
