package org.mnistlab.ui.training;

import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.runs.RunRecorder;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.Checkpoint;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.TaskExecutor;
import org.mnistlab.ui.charts.RecordedRun;
import org.mnistlab.ui.charts.RunHistory;
import org.mnistlab.ui.designer.DesignerViewModel;

/**
 * Train, Pause/Resume and Stop. A run goes to the {@link TaskExecutor} it was given (in the window,
 * the session's one training thread) and is started by a {@link RunStarter}; its progress reaches
 * the window through a {@link ProgressMailbox} drained once a frame of the {@link FrameClock}, at
 * most {@value #FRAMES_PER_SECOND} times a second however fast training goes. Each frame appends
 * to the run's {@link RecordedRun}, which the charts follow, and updates the status line.
 */
public final class TrainingViewModel {
    public static final int FRAMES_PER_SECOND = 30;
    /** Test-set checks per epoch, so test loss shows as several points per epoch. */
    private static final int EVALUATIONS_PER_EPOCH = 5;

    private final LabContext context;
    private final DesignerViewModel designer;
    private final RunHistory history;
    private final TaskExecutor trainingThread;
    private final RunStarter starter;
    private final FrameClock clock;
    private final LongSupplier nanoTime;
    private final RunRecording recording;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    /** Images the next runs train on besides MNIST's (the student's own digits, oversampled); empty for none. */
    private final ObjectProperty<DigitSet> extraTraining = new SimpleObjectProperty<>(NO_EXTRA);
    private static final DigitSet NO_EXTRA = new DigitSet(0, new byte[0], new byte[0]);
    private TrainingControl control;
    private RemainingTime remaining;
    /** The button's words on a diverged run that can go on from its last good checkpoint, else empty. */
    private final ReadOnlyStringWrapper resumeOffer = new ReadOnlyStringWrapper("");
    private Resumable resumable;

    /** A diverged run, and what going on from its last good checkpoint needs. */
    private record Resumable(RecordedRun run, NetworkSpec spec, MnistData data, DigitSet extra,
            Checkpoint checkpoint, double rate) {}

    public TrainingViewModel(LabContext context, DesignerViewModel designer, RunHistory history,
            TaskExecutor trainingThread, RunStarter starter, FrameClock clock) {
        this(context, designer, history, trainingThread, starter, clock, RunRecording.NONE);
    }

    /** @param recording keeps each run in the run store, from the training thread */
    public TrainingViewModel(LabContext context, DesignerViewModel designer, RunHistory history,
            TaskExecutor trainingThread, RunStarter starter, FrameClock clock, RunRecording recording) {
        this(context, designer, history, trainingThread, starter, clock, recording, System::nanoTime);
    }

    /** {@code nanoTime}: the time the ETA is measured by; tests give their own. */
    TrainingViewModel(LabContext context, DesignerViewModel designer, RunHistory history,
            TaskExecutor trainingThread, RunStarter starter, FrameClock clock, RunRecording recording,
            LongSupplier nanoTime) {
        this.recording = recording;
        this.nanoTime = nanoTime;
        this.context = context;
        this.designer = designer;
        this.history = history;
        this.trainingThread = trainingThread;
        this.starter = starter;
        this.clock = clock;
        designer.locked().bind(running);
        // The learning rate stays editable during a run; a valid new value steers it from the next batch.
        designer.check().addListener((obs, old, check) -> {
            if (running.get() && check.isValid() && control != null) {
                control.requestLearningRate(check.spec().learningRate());
            }
        });
    }

    public void train() {
        if (running.get() || !designer.canTrain().get()) return;
        train(designer.check().get().spec(), run -> { });
    }

    /**
     * Starts a run of {@code spec}, which may differ from the designer's (a sweep's rate), and
     * calls {@code whenEnded} on the FX thread once it has ended, however it ended.
     *
     * @return the run, or null when one is already under way or there is no data
     */
    public RecordedRun train(NetworkSpec spec, java.util.function.Consumer<RecordedRun> whenEnded) {
        if (running.get() || context.data().get() == null) return null;
        MnistData data = context.data().get();
        DigitSet extra = extraTraining.get() == null ? NO_EXTRA : extraTraining.get();
        // The validation images are held out of every epoch, and the student's own digits (never
        // held out) are added to it: an epoch is what is left plus those.
        int trained = data.train().count() - spec.validationImages() + extra.count();
        RecordedRun run = history.start(spec, trained);
        launch(run, spec, data, extra, null, whenEnded);
        return run;
    }

    /**
     * "Halve the rate and resume from step s": the last diverged run goes on, as the same run in
     * the list, from its last good checkpoint at half the rate that blew up. Its curve is cut back
     * to the checkpoint and goes on from there, the new rate marked as a rate change. The run
     * store keeps the run as it diverged: the resumed part lives in this session's list only.
     */
    public void resumeDiverged() {
        Resumable offer = resumable;
        if (running.get() || offer == null) return;
        if (!history.runs().contains(offer.run())) { // removed from the list since
            resumable = null;
            resumeOffer.set("");
            return;
        }
        offer.run().rewindTo(offer.checkpoint().examplesSeen());
        launch(offer.run(), offer.spec(), offer.data(), offer.extra(), offer, run -> { });
    }

    /** Trains {@code run} on the training thread: from the start, or from {@code resume}'s checkpoint. */
    private void launch(RecordedRun run, NetworkSpec spec, MnistData data, DigitSet extra, Resumable resume,
            java.util.function.Consumer<RecordedRun> whenEnded) {
        int trained = data.train().count() - spec.validationImages() + extra.count();
        resumable = null;
        resumeOffer.set("");
        ProgressMailbox mailbox = new ProgressMailbox();
        TrainingControl runControl = new TrainingControl();
        int batchesPerEpoch = Trainer.batchesPerEpoch(trained, spec.batchSize());
        int evaluateEvery = Math.max(1, batchesPerEpoch / EVALUATIONS_PER_EPOCH);
        control = runControl;
        long from = resume == null ? 0 : resume.checkpoint().examplesSeen();
        RemainingTime eta = new RemainingTime((long) spec.epochs() * trained - from, nanoTime.getAsLong());
        remaining = eta;
        context.dismissNotice();
        running.set(true);
        paused.set(false);
        // Set on the training thread once the store has the run; each frame looks whether it is.
        AtomicReference<RunRecorder> recorder = new AtomicReference<>();
        FrameClock.Ticking frames = clock.start(() -> {
            noteRecorded(run, recorder.get());
            deliver(run, mailbox.drain(), spec, eta, from);
        });
        BackgroundTask.wrap(() -> {
            if (resume != null) {
                return starter.resume(spec, data, extra, evaluateEvery, resume.checkpoint(), resume.rate(),
                        mailbox, runControl);
            }
            RunRecorder started = recording.begin(spec, data);
            recorder.set(started);
            TrainingOutcome outcome = starter.run(spec, data, extra, evaluateEvery,
                    started == null ? mailbox : TrainingListener.both(mailbox, started), runControl);
            if (started != null) started.finish(outcome);
            return outcome;
        })
                .named("lab-training")
                .onSuccess(outcome -> {
                    frames.stop();
                    noteRecorded(run, recorder.get());
                    deliver(run, mailbox.drain(), spec, eta, from);
                    finish(run, outcome, data, extra);
                    recording.ended(run);
                    whenEnded.accept(run);
                })
                .onFailure(error -> {
                    frames.stop();
                    deliver(run, mailbox.drain(), spec, eta, from);
                    run.finishAs(RecordedRun.State.STOPPED);
                    context.report(run.name().get() + " failed", error);
                    ended();
                    whenEnded.accept(run);
                })
                .executeWith(trainingThread);
    }

    public void togglePause() {
        if (!running.get()) return;
        if (paused.get()) {
            control.resume();
            remaining.resume(nanoTime.getAsLong());
        } else {
            control.pause();
            remaining.pause(nanoTime.getAsLong());
        }
        paused.set(!paused.get());
        if (paused.get()) statusLine.set("Paused — press Resume to go on");
    }

    /** Asks the run under way to stop after its current batch; closing the window does this too. */
    public void stop() {
        if (control != null) control.cancel();
    }

    private void noteRecorded(RecordedRun run, RunRecorder recorder) {
        if (recorder != null && recorder.runId() >= 0 && run.storeId() < 0) recording.recorded(run, recorder.runId());
    }

    /** @param from examples seen before this call trained (a resumed run's checkpoint), for the ETA */
    private void deliver(RecordedRun run, ProgressMailbox.Delivery delivery, NetworkSpec spec, RemainingTime eta,
            long from) {
        run.appendRates(delivery.rates()); // before the losses, whose append tells the charts to redraw
        run.append(delivery.losses(), delivery.evaluations(), delivery.rateChanges());
        if (delivery.newModel() != null) {
            context.useModel(delivery.newModel(), spec.architecture() + " from run " + run.shownNumber()
                    + ", epoch " + (delivery.latest() == null ? "?" : delivery.latest().epoch()), fileName(run, 0));
        }
        if (delivery.hint() != null) run.giveHint(delivery.hint());
        BatchProgress p = delivery.latest();
        if (p != null && !paused.get()) {
            double done = ((p.epoch() - 1) * (double) p.batchesPerEpoch() + p.batch())
                    / ((double) spec.epochs() * p.batchesPerEpoch());
            statusLine.set(String.format(Locale.ROOT, "%s · epoch %d/%d · batch %d/%d · %,.0f samples/s · ETA %s",
                    run.name().get(), p.epoch(), spec.epochs(), p.batch(), p.batchesPerEpoch(), p.samplesPerSecond(),
                    eta.text(p.examplesSeen() - from, nanoTime.getAsLong())));
            progress.set(done);
        }
    }

    /**
     * What Save model… suggests for the run's network: its number, architecture and test accuracy,
     * at {@code epoch}'s end when early stopping put that epoch's weights back (0: the latest).
     */
    private static String fileName(RecordedRun run, int epoch) {
        EvaluationPoint measured = run.lastEvaluation();
        for (EvaluationPoint e : run.evaluations()) {
            if (epoch > 0 && e.endOfEpoch() && e.epoch() == epoch) measured = e;
        }
        return ModelFile.suggestedName(run.shownNumber(), run.spec().architecture(),
                measured == null ? null : measured.testAccuracy());
    }

    private void finish(RecordedRun run, TrainingOutcome outcome, MnistData data, DigitSet extra) {
        switch (outcome.status()) {
            case COMPLETED -> {
                if (outcome.restoredEpoch() > 0) run.stoppedEarly(outcome.stoppedEarlyAt(), outcome.restoredEpoch());
                run.finishAs(RecordedRun.State.COMPLETED);
            }
            case CANCELLED -> run.finishAs(RecordedRun.State.STOPPED);
            case DIVERGED -> {
                run.finishAs(RecordedRun.State.DIVERGED);
                String text = run.name().get() + " diverged. " + outcome.message();
                if (outcome.resumable()) {
                    resumable = new Resumable(run, run.spec(), data, extra, outcome.lastGood(), outcome.divergedAtRate() / 2);
                    resumeOffer.set("Halve the rate and resume from step " + outcome.lastGood().step());
                    context.showNotice(text, resumeOffer.get(), this::resumeDiverged);
                } else {
                    context.showNotice(text);
                }
            }
        }
        if (outcome.status() != TrainingOutcome.Status.DIVERGED && outcome.examplesSeen() > 0) {
            // After the run nobody else trains this network, so the pad and gallery may use it as is.
            context.useModel(outcome.model(), outcome.model().spec().architecture() + " from run " + run.shownNumber()
                    + (outcome.status() == TrainingOutcome.Status.CANCELLED ? " (stopped)" : "")
                    + (outcome.restoredEpoch() > 0 ? ", its best epoch " + outcome.restoredEpoch() : ""),
                    fileName(run, outcome.restoredEpoch()));
        }
        statusLine.set(run.name().get() + " " + switch (outcome.status()) {
            case COMPLETED -> "finished";
            case CANCELLED -> "stopped";
            case DIVERGED -> "diverged";
        } + (run.lastEvaluation() == null ? "" : String.format(Locale.ROOT, " · test accuracy %.2f%%",
                100 * run.lastEvaluation().testAccuracy())));
        progress.set(0);
        ended();
    }

    private void ended() {
        running.set(false);
        paused.set(false);
        control = null;
    }

    /**
     * What the next runs train on besides MNIST: the My digits panel sets it to the student's
     * digits, oversampled, while "Train with my digits" is ticked; empty (or null) for none.
     */
    public ObjectProperty<DigitSet> extraTraining() {
        return extraTraining;
    }

    /**
     * "Halve the rate and resume from step s" while the last run diverged and kept a good
     * checkpoint; empty otherwise (and once any run starts).
     */
    public ReadOnlyStringProperty resumeOffer() {
        return resumeOffer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty paused() {
        return paused.getReadOnlyProperty();
    }

    /** What the run is doing, for the status bar: epoch, batch, speed and ETA, or how it ended. */
    public ReadOnlyStringProperty statusLine() {
        return statusLine.getReadOnlyProperty();
    }

    /** How much of the run is done, 0 to 1 (0 when none is under way). */
    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }
}
