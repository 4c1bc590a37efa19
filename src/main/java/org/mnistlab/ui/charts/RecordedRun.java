package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;

/**
 * One training run as the window records it: its settings, colour, how it ended, and the raw
 * curves. The charts show decimated copies; the raw points stay here for the CSV export.
 *
 * <p>Lives on the FX thread. Whoever appends (the training panel) does not know who draws: the
 * charts follow {@link #revision}, which goes up each time new points arrive.
 */
public final class RecordedRun {
    /** Weight of the newest batch in the smoothed training loss (an exponential moving average). */
    private static final double SMOOTHING = 0.05;

    public enum State { RUNNING, COMPLETED, STOPPED, DIVERGED }

    private final int number;
    private final NetworkSpec spec;
    private final Color color;
    /** Training images per epoch (0 when not known): what the CSV's epoch column is counted from. */
    private final int examplesPerEpoch;
    private final List<LossPoint> trainLoss = new ArrayList<>();
    private final List<LossPoint> smoothedLoss = new ArrayList<>();
    private final List<EvaluationPoint> evaluations = new ArrayList<>();
    private final List<RateChange> rateChanges = new ArrayList<>();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.RUNNING);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private double smoothed = Double.NaN;

    RecordedRun(int number, NetworkSpec spec, Color color, int examplesPerEpoch) {
        this.number = number;
        this.spec = spec;
        this.color = color;
        this.examplesPerEpoch = examplesPerEpoch;
        updateLabel();
    }

    /** Adds what the training thread reported since the last frame; a frame with nothing new changes nothing. */
    public void append(List<LossPoint> losses, List<EvaluationPoint> newEvaluations, List<RateChange> changes) {
        if (losses.isEmpty() && newEvaluations.isEmpty() && changes.isEmpty()) return;
        addLosses(losses);
        evaluations.addAll(newEvaluations);
        rateChanges.addAll(changes);
        if (!newEvaluations.isEmpty() || !changes.isEmpty()) updateLabel();
        revision.set(revision.get() + 1);
    }

    private void addLosses(List<LossPoint> points) {
        for (LossPoint p : points) {
            trainLoss.add(p);
            smoothed = Double.isNaN(smoothed) ? p.loss() : smoothed + SMOOTHING * (p.loss() - smoothed);
            smoothedLoss.add(new LossPoint(p.examplesSeen(), smoothed));
        }
    }

    /**
     * A copy of the run as it is now. Training appends to a run on the FX thread, so work on
     * another thread (the CSV export) reads a copy taken on the FX thread.
     */
    RecordedRun snapshot() {
        RecordedRun copy = new RecordedRun(number, spec, color, examplesPerEpoch);
        copy.trainLoss.addAll(trainLoss);
        copy.smoothedLoss.addAll(smoothedLoss);
        copy.evaluations.addAll(evaluations);
        copy.rateChanges.addAll(rateChanges);
        copy.smoothed = smoothed;
        copy.finishAs(state.get());
        return copy;
    }

    public void finishAs(State end) {
        state.set(end);
        updateLabel();
    }

    private void updateLabel() {
        StringBuilder text = new StringBuilder("Run " + number + ": " + spec.summary());
        for (RateChange change : rateChanges) {
            text.append(" → lr ").append(NetworkSpec.formatNumber(change.learningRate()));
        }
        EvaluationPoint last = lastEvaluation();
        if (last != null) {
            text.append(String.format(Locale.ROOT, " — test accuracy %.2f%%", 100 * last.testAccuracy()));
        }
        switch (state.get()) {
            case RUNNING -> text.append(" (training…)");
            case STOPPED -> text.append(" (stopped)");
            case DIVERGED -> text.append(" (diverged)");
            default -> { }
        }
        label.set(text.toString());
    }

    public EvaluationPoint lastEvaluation() {
        return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
    }

    public int number() { return number; }
    public NetworkSpec spec() { return spec; }
    public Color color() { return color; }
    public int examplesPerEpoch() { return examplesPerEpoch; }
    public List<LossPoint> trainLoss() { return Collections.unmodifiableList(trainLoss); }
    public List<LossPoint> smoothedLoss() { return Collections.unmodifiableList(smoothedLoss); }
    public List<EvaluationPoint> evaluations() { return Collections.unmodifiableList(evaluations); }
    public List<RateChange> rateChanges() { return Collections.unmodifiableList(rateChanges); }
    /** Shown on the charts; the run list's check box sets it. */
    public BooleanProperty visible() { return visible; }
    public ReadOnlyObjectProperty<State> state() { return state.getReadOnlyProperty(); }
    /** E.g. "Run 2: 784-64-32-10 ReLU · SGD lr 0.05 … — test accuracy 91.20%". */
    public ReadOnlyStringProperty label() { return label.getReadOnlyProperty(); }
    /** Goes up by one each time points are appended: the charts redraw when it changes. */
    public ReadOnlyIntegerProperty revision() { return revision.getReadOnlyProperty(); }
}
