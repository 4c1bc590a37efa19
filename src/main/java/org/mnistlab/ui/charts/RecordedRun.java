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
import java.time.Instant;
import javafx.scene.paint.Color;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.runs.RunEnding;
import org.mnistlab.runs.RunPoints;
import org.mnistlab.runs.StoredRun;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.training.RatePoint;

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

    public enum State {
        RUNNING, COMPLETED, STOPPED, DIVERGED, STOPPED_EARLY,
        /** Its lab was killed or crashed while it trained; stored runs only. */
        INTERRUPTED;

        static State of(RunEnding ending) {
            return switch (ending) {
                case RUNNING -> RUNNING;
                case FINISHED -> COMPLETED;
                case STOPPED -> STOPPED;
                case DIVERGED -> DIVERGED;
                case STOPPED_EARLY -> STOPPED_EARLY;
                case INTERRUPTED -> INTERRUPTED;
            };
        }
    }

    private final int number;
    private final NetworkSpec spec;
    private final Color color;
    /** Images trained on per epoch (0 when not known): the CSV's epoch column and the epoch axis count from it. */
    private final int examplesPerEpoch;
    private final List<LossPoint> trainLoss = new ArrayList<>();
    private final List<LossPoint> smoothedLoss = new ArrayList<>();
    private final List<EvaluationPoint> evaluations = new ArrayList<>();
    private final List<RateChange> rateChanges = new ArrayList<>();
    /** The rate the batches trained at, where it moved: reported by the trainer, or worked out for a stored run. */
    private final List<RatePoint> rates = new ArrayList<>();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.RUNNING);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    /** What the run store knows of it: its id, data, times and metrics; null until it is recorded. */
    private final ReadOnlyObjectWrapper<StoredRun> stored = new ReadOnlyObjectWrapper<>();
    private final Instant startedAt;
    private double smoothed = Double.NaN;
    /** False for a stored run until its points have been read: only ticked runs are read. */
    private boolean pointsLoaded = true;
    private String searchText;
    private String hint = "";
    private int stoppedEarlyAt;
    private int restoredEpoch;

    RecordedRun(int number, NetworkSpec spec, Color color) {
        this(number, spec, color, Instant.now(), 0);
    }

    RecordedRun(int number, NetworkSpec spec, Color color, int examplesPerEpoch) {
        this(number, spec, color, Instant.now(), examplesPerEpoch);
    }

    private RecordedRun(int number, NetworkSpec spec, Color color, Instant startedAt, int examplesPerEpoch) {
        this.number = number;
        this.spec = spec;
        this.color = color;
        this.startedAt = startedAt;
        this.examplesPerEpoch = examplesPerEpoch;
        name.set("Run " + number);
        updateLabel();
    }

    /** A run from the store, hidden and without its points until it is ticked; its spec must be readable. */
    static RecordedRun fromStore(StoredRun stored, Color color) {
        RecordedRun run = new RecordedRun((int) stored.id(), stored.spec(), color, stored.startedAt(), 0);
        run.visible.set(false);
        run.pointsLoaded = false;
        run.state.set(State.of(stored.ending()));
        run.describe(stored);
        return run;
    }

    /** Takes the store's view of the run: its name, note and details (after recording, or on loading). */
    public void describe(StoredRun details) {
        stored.set(details);
        name.set(details.name());
        note.set(details.note());
        updateLabel();
    }

    /** The run's id in the store, or -1 while it is not recorded there. */
    public long storeId() {
        return stored.get() == null ? -1 : stored.get().id();
    }

    /** The number the user sees: the store's id once recorded (what {@code runs show N} takes), else the session's. */
    public long shownNumber() {
        return storeId() >= 0 ? storeId() : number;
    }

    public void rename(String newName) {
        String trimmed = newName == null ? "" : newName.strip();
        name.set(trimmed.isEmpty() ? "Run " + shownNumber() : trimmed);
        updateLabel();
    }

    public void setNote(String text) {
        note.set(text == null ? "" : text.strip());
        searchText = null;
    }

    /** What the run list's filter looks in, in lower case; kept until the name or note changes. */
    public String searchText() {
        if (searchText == null) {
            StoredRun details = stored.get();
            searchText = (name.get() + "\n" + note.get() + "\n" + label.get() + "\n"
                    + (details == null ? "" : details.searchText())).toLowerCase(Locale.ROOT);
        }
        return searchText;
    }

    boolean pointsLoaded() {
        return pointsLoaded;
    }

    /** The stored curves of a run read from the store, once. */
    void loadPoints(RunPoints points) {
        if (pointsLoaded) return;
        pointsLoaded = true;
        StoredRun details = stored.get();
        int givenImages = details == null ? examplesPerEpoch : details.data().trainImages();
        rates.addAll(RateCurve.derive(spec, givenImages, points.trainLoss(), points.rateChanges()));
        int before = revision.get();
        append(points.trainLoss(), points.evaluations(), points.rateChanges());
        if (revision.get() == before) revision.set(before + 1); // loaded, even if there was nothing to load
    }

    /** The rates the newest batches trained at, as the trainer reported them (where the rate moved). */
    public void appendRates(List<RatePoint> points) {
        for (RatePoint p : points) RateCurve.add(rates, p);
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
        RecordedRun copy = new RecordedRun(number, spec, color, startedAt, examplesPerEpoch);
        copy.name.set(name.get());
        copy.trainLoss.addAll(trainLoss);
        copy.smoothedLoss.addAll(smoothedLoss);
        copy.evaluations.addAll(evaluations);
        copy.rateChanges.addAll(rateChanges);
        copy.rates.addAll(rates);
        copy.smoothed = smoothed;
        copy.hint = hint;
        copy.stoppedEarlyAt = stoppedEarlyAt;
        copy.restoredEpoch = restoredEpoch;
        copy.finishAs(state.get());
        return copy;
    }

    /** Advice the trainer gave while the run went on ("the loss stopped falling: …"), shown in its label. */
    public void giveHint(String text) {
        hint = text;
        updateLabel();
    }

    /**
     * The end-of-epoch measurement with the best validation accuracy, or null when the run holds
     * no validation images or has finished no epoch.
     */
    public EvaluationPoint bestValidation() {
        EvaluationPoint best = null;
        for (EvaluationPoint e : evaluations) {
            if (e.endOfEpoch() && e.hasValidation()
                    && (best == null || e.validationAccuracy() > best.validationAccuracy())) {
                best = e;
            }
        }
        return best;
    }

    /** Early stopping ended the run after {@code stoppedAt} and put back the weights of {@code bestEpoch}. */
    public void stoppedEarly(int stoppedAt, int bestEpoch) {
        stoppedEarlyAt = stoppedAt;
        restoredEpoch = bestEpoch;
        updateLabel();
    }

    public int stoppedEarlyAt() {
        return stoppedEarlyAt;
    }

    public int restoredEpoch() {
        return restoredEpoch;
    }

    /** The trainer's hint, or empty. */
    public String hint() {
        return hint;
    }

    /**
     * Cuts the curves back to {@code examplesSeen} and marks the run as training again: a diverged
     * run going on from its last good checkpoint. Rate changes from there on are dropped, since
     * the resumed run reports its own.
     */
    public void rewindTo(long examplesSeen) {
        trainLoss.removeIf(p -> p.examplesSeen() > examplesSeen);
        smoothedLoss.removeIf(p -> p.examplesSeen() > examplesSeen);
        evaluations.removeIf(e -> e.examplesSeen() > examplesSeen);
        rateChanges.removeIf(c -> c.examplesSeen() >= examplesSeen);
        rates.removeIf(r -> r.examplesSeen() >= examplesSeen);
        smoothed = smoothedLoss.isEmpty() ? Double.NaN : smoothedLoss.get(smoothedLoss.size() - 1).loss();
        hint = "";
        finishAs(State.RUNNING);
        revision.set(revision.get() + 1);
    }

    public void finishAs(State end) {
        state.set(end);
        updateLabel();
    }

    private void updateLabel() {
        searchText = null;
        StringBuilder text = new StringBuilder(name.get() + ": " + spec.summary());
        for (RateChange change : rateChanges) {
            text.append(" → lr ").append(NetworkSpec.formatNumber(change.learningRate()));
        }
        EvaluationPoint last = lastEvaluation();
        Double accuracy = last != null ? Double.valueOf(last.testAccuracy())
                : stored.get() != null ? stored.get().finalTestAccuracy() : null;
        if (accuracy != null) {
            text.append(String.format(Locale.ROOT, " — test accuracy %.2f%%", 100 * accuracy));
        }
        switch (state.get()) {
            case RUNNING -> text.append(" (training…)");
            case STOPPED -> text.append(" (stopped)");
            case DIVERGED -> text.append(" (diverged)");
            case STOPPED_EARLY -> text.append(" (stopped early)");
            case INTERRUPTED -> text.append(" (interrupted)");
            default -> { }
        }
        EvaluationPoint best = bestValidation();
        StoredRun details = stored.get();
        if (best != null) {
            text.append(String.format(Locale.ROOT, " — best validation accuracy %.2f%% at epoch %d",
                    100 * best.validationAccuracy(), best.epoch()));
        } else if (details != null && details.bestValidationAccuracy() != null) {
            // A past run whose points are not loaded yet: the store keeps its best.
            text.append(String.format(Locale.ROOT, " — best validation accuracy %.2f%% at epoch %d",
                    100 * details.bestValidationAccuracy(), details.bestValidationEpoch()));
        }
        if (stoppedEarlyAt > 0) {
            text.append(" — stopped early at epoch ").append(stoppedEarlyAt).append(", best at epoch ")
                    .append(restoredEpoch);
        } else if (state.get() == State.STOPPED_EARLY && details != null && details.bestValidationEpoch() != null) {
            text.append(" — stopped early at epoch ").append(details.epochsCompleted()).append(", best at epoch ")
                    .append(details.bestValidationEpoch());
        } else if (restoredEpoch > 0) {
            text.append(" — kept its best epoch, ").append(restoredEpoch);
        }
        if (!hint.isEmpty()) text.append(" — ").append(hint);
        label.set(text.toString());
    }

    public EvaluationPoint lastEvaluation() {
        return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
    }

    public int number() { return number; }
    public Instant startedAt() { return startedAt; }
    /** "Run 12", or what the user called it. */
    public ReadOnlyStringProperty name() { return name.getReadOnlyProperty(); }
    public ReadOnlyStringProperty note() { return note.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StoredRun> stored() { return stored.getReadOnlyProperty(); }
    public NetworkSpec spec() { return spec; }
    public Color color() { return color; }
    public int examplesPerEpoch() { return examplesPerEpoch; }

    /**
     * Images per epoch, wherever it is known from: what the window trained on; for a stored run,
     * its data less the validation images; else its first end-of-epoch measurement. 0 when none.
     */
    public long epochSize() {
        if (examplesPerEpoch > 0) return examplesPerEpoch;
        StoredRun details = stored.get();
        if (details != null && details.data() != null && details.data().trainImages() > spec.validationImages()) {
            return details.data().trainImages() - spec.validationImages();
        }
        for (EvaluationPoint e : evaluations) {
            if (e.endOfEpoch() && e.epoch() > 0) return e.examplesSeen() / e.epoch();
        }
        return 0;
    }

    /** Examples seen at the run's last point so far (a batch or a measurement); 0 before any. */
    public long lastExamplesSeen() {
        long last = trainLoss.isEmpty() ? 0 : trainLoss.get(trainLoss.size() - 1).examplesSeen();
        EvaluationPoint measured = lastEvaluation();
        return measured == null ? last : Math.max(last, measured.examplesSeen());
    }
    public List<LossPoint> trainLoss() { return Collections.unmodifiableList(trainLoss); }
    public List<LossPoint> smoothedLoss() { return Collections.unmodifiableList(smoothedLoss); }
    public List<EvaluationPoint> evaluations() { return Collections.unmodifiableList(evaluations); }
    public List<RateChange> rateChanges() { return Collections.unmodifiableList(rateChanges); }
    /** The learning rate from each point on until the next; the first point is the run's start. */
    public List<RatePoint> learningRates() { return Collections.unmodifiableList(rates); }
    /** Shown on the charts; the run list's check box sets it. */
    public BooleanProperty visible() { return visible; }
    public ReadOnlyObjectProperty<State> state() { return state.getReadOnlyProperty(); }
    /** E.g. "Run 2: 784-64-32-10 ReLU · SGD lr 0.05 … — test accuracy 91.20%". */
    public ReadOnlyStringProperty label() { return label.getReadOnlyProperty(); }
    /** Goes up by one each time points are appended: the charts redraw when it changes. */
    public ReadOnlyIntegerProperty revision() { return revision.getReadOnlyProperty(); }
}
