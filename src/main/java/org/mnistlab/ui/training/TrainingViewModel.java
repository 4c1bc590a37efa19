package org.mnistlab.ui.training;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingOutcome;
import org.mnistlab.training.TrainingThread;
import org.mnistlab.ui.Background;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.charts.ChartsView;
import org.mnistlab.ui.charts.Run;
import org.mnistlab.ui.charts.RunHistory;
import org.mnistlab.ui.designer.DesignerViewModel;

/**
 * Train, Pause/Resume and Stop. A run is a {@link Task} on the session's {@link TrainingThread};
 * its progress reaches the window through a {@link ProgressMailbox} that an {@link AnimationTimer}
 * drains at most {@value #FRAMES_PER_SECOND} times a second, however fast training goes.
 */
public final class TrainingViewModel {
    static final int FRAMES_PER_SECOND = 30;
    /** Test-set checks per epoch, so test loss shows as several points per epoch. */
    private static final int EVALUATIONS_PER_EPOCH = 5;

    private final LabContext context;
    private final DesignerViewModel designer;
    private final RunHistory history;
    private final ChartsView charts;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private Consumer<String> status = text -> { };
    private Consumer<Double> progress = p -> { };
    private TrainingControl control;
    private final TrainingThread thread = new TrainingThread();

    public TrainingViewModel(LabContext context, DesignerViewModel designer, RunHistory history, ChartsView charts) {
        this.context = context;
        this.designer = designer;
        this.history = history;
        this.charts = charts;
        designer.locked().bind(running);
        // The learning rate stays editable during a run; a valid new value steers it from the next batch.
        designer.check().addListener((obs, old, check) -> {
            if (running.get() && check.isValid() && control != null) {
                control.requestLearningRate(check.spec().learningRate());
            }
        });
    }

    /** Where the status line and overall progress go (the status bar). */
    public void onStatus(Consumer<String> statusLine, Consumer<Double> overallProgress) {
        this.status = statusLine;
        this.progress = overallProgress;
    }

    public void train() {
        if (running.get() || !designer.canTrain().get()) return;
        NetworkSpec spec = designer.check().get().spec();
        MnistData data = context.data().get();
        Run run = history.start(spec);
        ProgressMailbox mailbox = new ProgressMailbox();
        TrainingControl runControl = new TrainingControl();
        int batchesPerEpoch = Trainer.batchesPerEpoch(data.train().count(), spec.batchSize());
        int evaluateEvery = Math.max(1, batchesPerEpoch / EVALUATIONS_PER_EPOCH);
        Task<TrainingOutcome> runTask = Background.task(
                () -> new Trainer(spec, data.train(), data.test(), evaluateEvery).run(mailbox, runControl));
        AnimationTimer frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last < 1_000_000_000L / FRAMES_PER_SECOND) return;
                last = now;
                deliver(run, mailbox.drain(), spec);
            }
        };
        runTask.setOnSucceeded(e -> {
            frames.stop();
            deliver(run, mailbox.drain(), spec);
            finish(run, runTask.getValue());
        });
        runTask.setOnFailed(e -> {
            frames.stop();
            deliver(run, mailbox.drain(), spec);
            run.finishAs(Run.State.STOPPED);
            context.report("Run " + run.number() + " failed", runTask.getException());
            ended();
        });
        control = runControl;
        context.notice().set("");
        running.set(true);
        paused.set(false);
        frames.start();
        thread.submit(runTask);
    }

    public void togglePause() {
        if (!running.get()) return;
        if (paused.get()) control.resume(); else control.pause();
        paused.set(!paused.get());
        if (paused.get()) status.accept("Paused — press Resume to go on");
    }

    public void stop() {
        if (control != null) control.cancel();
    }

    /** Stops a run and waits briefly for its thread, so closing the window leaves nothing behind. */
    public void shutdown() {
        stop();
        thread.shutdown(2000);
    }

    private void deliver(Run run, ProgressMailbox.Batch batch, NetworkSpec spec) {
        if (!batch.losses().isEmpty() || !batch.evaluations().isEmpty() || !batch.rateChanges().isEmpty()) {
            run.append(batch.losses(), batch.evaluations(), batch.rateChanges());
            charts.refresh(run);
        }
        if (batch.hint() != null) run.giveHint(batch.hint());
        if (batch.newModel() != null) {
            context.useModel(batch.newModel(), spec.architecture() + " from run " + run.number()
                    + ", epoch " + (batch.latest() == null ? "?" : batch.latest().epoch()));
        }
        BatchProgress p = batch.latest();
        if (p != null && !paused.get()) {
            double done = ((p.epoch() - 1) * (double) p.batchesPerEpoch() + p.batch())
                    / ((double) spec.epochs() * p.batchesPerEpoch());
            double remainingExamples = (1 - done) * spec.epochs() * p.batchesPerEpoch() * spec.batchSize();
            status.accept(String.format(Locale.ROOT, "Run %d · epoch %d/%d · batch %d/%d · %,.0f samples/s · ETA %s",
                    run.number(), p.epoch(), spec.epochs(), p.batch(), p.batchesPerEpoch(), p.samplesPerSecond(),
                    duration(remainingExamples / Math.max(1, p.samplesPerSecond()))));
            progress.accept(done);
        }
    }

    private void finish(Run run, TrainingOutcome outcome) {
        switch (outcome.status()) {
            case COMPLETED -> run.finishAs(Run.State.COMPLETED);
            case CANCELLED -> run.finishAs(Run.State.STOPPED);
            case DIVERGED -> {
                run.finishAs(Run.State.DIVERGED);
                context.notice().set("Run " + run.number() + " diverged. " + outcome.message());
            }
        }
        if (outcome.status() != TrainingOutcome.Status.DIVERGED && outcome.examplesSeen() > 0) {
            // After the run nobody else trains this network, so the pad and gallery may use it as is.
            context.useModel(outcome.model(), outcome.model().spec().architecture() + " from run " + run.number()
                    + (outcome.status() == TrainingOutcome.Status.CANCELLED ? " (stopped)" : ""));
        }
        status.accept("Run " + run.number() + " " + switch (outcome.status()) {
            case COMPLETED -> "finished";
            case CANCELLED -> "stopped";
            case DIVERGED -> "diverged";
        } + (run.lastEvaluation() == null ? "" : String.format(Locale.ROOT, " · test accuracy %.2f%%",
                100 * run.lastEvaluation().testAccuracy())));
        progress.accept(0.0);
        ended();
    }

    private void ended() {
        running.set(false);
        paused.set(false);
        control = null;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    public ReadOnlyBooleanProperty paused() {
        return paused;
    }
}
