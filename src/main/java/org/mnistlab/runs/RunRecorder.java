package org.mnistlab.runs;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochSummary;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;

/**
 * Records one run into the store, on the training thread: points are buffered and written in one
 * transaction every {@link #DEFAULT_FLUSH_INTERVAL} and at each epoch's end, with that epoch's
 * model. A kill loses at most the last interval's points; a 20-epoch run makes a few dozen
 * transactions.
 *
 * <p>If the store fails (disk full, folder gone read-only), recording stops, {@code onFailure}
 * hears "runs are not being saved: …" once, and training goes on: the recorder never throws
 * into the trainer.
 */
public final class RunRecorder implements TrainingListener {
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(3);
    /** The start of the message a failure gives; the cause follows. */
    public static final String NOT_SAVING = "runs are not being saved: ";

    private final RunStore store;
    private final long runId;
    private final long flushIntervalMillis;
    private final Clock clock;
    private final Consumer<String> onFailure;
    private final List<LossPoint> losses = new ArrayList<>();
    private final List<EvaluationPoint> evaluations = new ArrayList<>();
    private final List<RateChange> rateChanges = new ArrayList<>();
    private long lastFlushMillis;
    private int epochsCompleted;
    private long examplesSeen;
    private Double lastAccuracy;
    private int transactions;
    private volatile boolean failed;

    RunRecorder(RunStore store, long runId, Duration flushInterval, Clock clock, Consumer<String> onFailure) {
        this.store = store;
        this.runId = runId;
        this.flushIntervalMillis = flushInterval.toMillis();
        this.clock = clock;
        this.onFailure = onFailure;
        this.lastFlushMillis = clock.millis();
    }

    /**
     * Starts recording a new run. If even that fails, the returned recorder records nothing and
     * {@code onFailure} has been told why.
     */
    public static RunRecorder start(RunStore store, NetworkSpec spec, DataSource data, Duration flushInterval,
            Consumer<String> onFailure) {
        Clock clock = Clock.systemUTC();
        long id;
        try {
            id = store.startRun(spec, data, clock.instant());
        } catch (RuntimeException e) {
            RunRecorder off = new RunRecorder(store, -1, flushInterval, clock, onFailure);
            off.fail(e);
            return off;
        }
        return new RunRecorder(store, id, flushInterval, clock, onFailure);
    }

    public static RunRecorder start(RunStore store, NetworkSpec spec, DataSource data, Consumer<String> onFailure) {
        return start(store, spec, data, DEFAULT_FLUSH_INTERVAL, onFailure);
    }

    /** The run's id in the store, or -1 if it could not be recorded at all. */
    public long runId() {
        return runId;
    }

    /** True once a write failed; nothing more is recorded then. */
    public boolean failed() {
        return failed;
    }

    /** Transactions of points written so far (models and the end not counted). */
    public int transactions() {
        return transactions;
    }

    @Override
    public void onBatch(BatchProgress progress) {
        if (failed) return;
        losses.add(new LossPoint(progress.examplesSeen(), progress.loss()));
        examplesSeen = progress.examplesSeen();
        if (clock.millis() - lastFlushMillis >= flushIntervalMillis) flush();
    }

    @Override
    public void onEvaluation(EvaluationPoint point) {
        if (failed) return;
        evaluations.add(point);
        lastAccuracy = point.testAccuracy();
    }

    @Override
    public void onLearningRateChanged(long examples, double learningRate) {
        if (failed) return;
        rateChanges.add(new RateChange(examples, learningRate));
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
        if (failed) return;
        epochsCompleted = summary.epoch();
        flush();
    }

    /** Keeps each epoch's network, so a crash keeps the model of the last finished epoch. */
    @Override
    public void onEpochModel(Supplier<TrainedModel> copy) {
        if (failed) return;
        try {
            store.saveModel(runId, epochsCompleted, RunStore.modelBytes(copy.get(), lastAccuracy));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Writes what is left, the final model and how the run ended. Call once, after the trainer returns. */
    public void finish(TrainingOutcome outcome) {
        finish(RunEnding.of(outcome), outcome.message(), outcome.model());
    }

    /**
     * @param model the network to keep as the run's model (null keeps the last epoch's); an
     *     early-stopped run passes its best, not its last
     */
    public void finish(RunEnding ending, String message, TrainedModel model) {
        flush();
        if (failed) return;
        try {
            if (model != null) store.saveModel(runId, epochsCompleted, RunStore.modelBytes(model, lastAccuracy));
            store.finish(runId, ending, message, clock.instant());
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void flush() {
        if (failed || (losses.isEmpty() && evaluations.isEmpty() && rateChanges.isEmpty())) return;
        try {
            store.append(runId, new RunStore.Progress(List.copyOf(losses), List.copyOf(evaluations), List.copyOf(rateChanges),
                    epochsCompleted, examplesSeen),
                    clock.instant());
            transactions++;
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            losses.clear();
            evaluations.clear();
            rateChanges.clear();
            lastFlushMillis = clock.millis();
        }
    }

    private void fail(RuntimeException e) {
        if (failed) return;
        failed = true;
        org.slf4j.LoggerFactory.getLogger(RunRecorder.class).warn("recording stopped: {}", e.getMessage());
        onFailure.accept(NOT_SAVING + e.getMessage());
    }
}
