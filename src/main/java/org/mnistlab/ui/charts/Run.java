package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.paint.Color;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;

/**
 * One training run as the charts know it: its settings, colour, and the raw curves. The charts
 * show decimated copies; the raw points stay here for the CSV export.
 */
public final class Run {
    /** Weight of the newest batch in the smoothed training loss (an exponential moving average). */
    private static final double SMOOTHING = 0.05;

    public enum State { RUNNING, COMPLETED, STOPPED, DIVERGED }

    private final int number;
    private final NetworkSpec spec;
    private final Color color;
    private final List<double[]> trainLoss = new ArrayList<>();
    private final List<double[]> smoothedLoss = new ArrayList<>();
    private final List<EvaluationPoint> evaluations = new ArrayList<>();
    private final List<double[]> rateChanges = new ArrayList<>();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final StringProperty label = new SimpleStringProperty();
    private double smoothed = Double.NaN;
    private String hint = "";

    Run(int number, NetworkSpec spec, Color color) {
        this.number = number;
        this.spec = spec;
        this.color = color;
        updateLabel();
    }

    /** Adds what the training thread reported since the last frame. */
    public void append(List<double[]> losses, List<EvaluationPoint> newEvaluations, List<double[]> changes) {
        addLosses(losses);
        addEvaluations(newEvaluations);
        addRateChanges(changes);
    }

    private void addLosses(List<double[]> points) {
        for (double[] p : points) {
            trainLoss.add(p);
            smoothed = Double.isNaN(smoothed) ? p[1] : smoothed + SMOOTHING * (p[1] - smoothed);
            smoothedLoss.add(new double[] {p[0], smoothed});
        }
    }

    private void addEvaluations(List<EvaluationPoint> points) {
        evaluations.addAll(points);
        if (!points.isEmpty()) updateLabel();
    }

    private void addRateChanges(List<double[]> changes) {
        rateChanges.addAll(changes);
        if (!changes.isEmpty()) updateLabel();
    }

    /**
     * A copy of the run as it is now. Training appends to a run on the FX thread, so work on
     * another thread (the CSV export) reads a copy taken on the FX thread.
     */
    Run snapshot() {
        Run copy = new Run(number, spec, color);
        copy.trainLoss.addAll(trainLoss);
        copy.smoothedLoss.addAll(smoothedLoss);
        copy.evaluations.addAll(evaluations);
        copy.rateChanges.addAll(rateChanges);
        copy.smoothed = smoothed;
        copy.hint = hint;
        copy.finishAs(state.get());
        return copy;
    }

    /** Advice the trainer gave while the run went on ("the loss stopped falling: …"), shown in its label. */
    public void giveHint(String text) {
        hint = text;
        updateLabel();
    }

    public String hint() {
        return hint;
    }

    public void finishAs(State end) {
        state.set(end);
        updateLabel();
    }

    private void updateLabel() {
        StringBuilder text = new StringBuilder("Run " + number + ": " + spec.summary());
        for (double[] change : rateChanges) {
            text.append(" → lr ").append(NetworkSpec.formatNumber(change[1]));
        }
        EvaluationPoint last = lastEvaluation();
        if (last != null) {
            text.append(String.format(java.util.Locale.ROOT, " — test accuracy %.2f%%", 100 * last.testAccuracy()));
        }
        switch (state.get()) {
            case RUNNING -> text.append(" (training…)");
            case STOPPED -> text.append(" (stopped)");
            case DIVERGED -> text.append(" (diverged)");
            default -> { }
        }
        if (!hint.isEmpty()) text.append(" — ").append(hint);
        label.set(text.toString());
    }

    public EvaluationPoint lastEvaluation() {
        return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
    }

    public int number() { return number; }
    public NetworkSpec spec() { return spec; }
    public Color color() { return color; }
    public List<double[]> trainLoss() { return Collections.unmodifiableList(trainLoss); }
    public List<double[]> smoothedLoss() { return Collections.unmodifiableList(smoothedLoss); }
    public List<EvaluationPoint> evaluations() { return Collections.unmodifiableList(evaluations); }
    public List<double[]> rateChanges() { return Collections.unmodifiableList(rateChanges); }
    public BooleanProperty visible() { return visible; }
    public ObjectProperty<State> state() { return state; }
    public StringProperty label() { return label; }
}
