package org.mnistlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.training.RatePoint;
import org.mnistlab.training.TrainingListener;

/**
 * Where the training thread leaves its progress for the FX thread to pick up.
 *
 * <p>The trainer calls this once per batch, thousands of times a second; the window drains it
 * at most ~30 times a second. Nothing here touches JavaFX, so the training thread never waits for
 * the FX thread, and the FX thread only reads what has piled up.
 */
public final class ProgressMailbox implements TrainingListener {
    private final ConcurrentLinkedQueue<LossPoint> losses = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EvaluationPoint> evaluations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RateChange> rateChanges = new ConcurrentLinkedQueue<>();
    private final AtomicReference<BatchProgress> latest = new AtomicReference<>();
    private final AtomicReference<TrainedModel> snapshot = new AtomicReference<>();
    private final AtomicReference<String> hint = new AtomicReference<>();
    private final ConcurrentLinkedQueue<RatePoint> rates = new ConcurrentLinkedQueue<>();
    /** Read and written on the training thread only: where the last batch ended, and its rate. */
    private long examplesBefore;
    private double lastRate = Double.NaN;

    @Override
    public void onBatch(BatchProgress progress) {
        losses.add(new LossPoint(progress.examplesSeen(), progress.loss()));
        // A point only where the rate moved: a constant rate is one point, a cosine one per batch.
        if (Double.compare(progress.learningRate(), lastRate) != 0) {
            rates.add(new RatePoint(examplesBefore, progress.learningRate()));
            lastRate = progress.learningRate();
        }
        examplesBefore = progress.examplesSeen();
        latest.set(progress);
    }

    @Override
    public void onEvaluation(EvaluationPoint point) {
        evaluations.add(point);
    }

    @Override
    public void onEpochModel(Supplier<TrainedModel> copy) {
        snapshot.set(copy.get());
    }

    @Override
    public void onLearningRateChanged(long examplesSeen, double learningRate) {
        rateChanges.add(new RateChange(examplesSeen, learningRate));
    }

    @Override
    public void onHint(int epoch, int batch, String text) {
        hint.set(text);
    }

    /** Everything that arrived since the last call. */
    public Delivery drain() {
        return new Delivery(drainQueue(losses), drainQueue(evaluations), drainQueue(rateChanges),
                latest.get(), snapshot.getAndSet(null), hint.getAndSet(null), drainQueue(rates));
    }

    private static <T> List<T> drainQueue(ConcurrentLinkedQueue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) out.add(item);
        return out;
    }

    /**
     * What one frame picks up: every batch's loss, test measurement and rate change since the
     * last frame, the latest batch's progress (null before the first), {@code newModel}, null
     * unless an epoch ended, and {@code hint}, null unless the trainer gave one (the loss stopped
     * falling) since the last frame, and {@code rates}, the rates the batches trained at where they moved.
     */
    public record Delivery(List<LossPoint> losses, List<EvaluationPoint> evaluations, List<RateChange> rateChanges,
            BatchProgress latest, TrainedModel newModel, String hint, List<RatePoint> rates) {}
}
