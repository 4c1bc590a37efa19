package org.mnistlab.training;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Steers a running {@link Trainer} from another thread (the window's buttons, a test).
 *
 * <p>Every request takes effect between two batches: Stop within one batch, a new learning rate
 * from the next batch. Pausing blocks the training thread, never the caller.
 */
public final class TrainingControl {
    private volatile boolean cancelled;
    private boolean paused;
    private final AtomicReference<Double> pendingLearningRate = new AtomicReference<>();

    public void cancel() {
        cancelled = true;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Applied before the next batch; the latest request wins if several arrive in between. */
    public void requestLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number");
        }
        pendingLearningRate.set(learningRate);
    }

    /** The change waiting for the next batch, or null if none: for a face (or its test) to look at. */
    public Double pendingLearningRate() {
        return pendingLearningRate.get();
    }

    /** The trainer takes the pending change, if any (null if none). */
    Double takeLearningRateRequest() {
        return pendingLearningRate.getAndSet(null);
    }

    /** Called by the trainer between batches: waits while paused, returns at once on cancel. */
    synchronized void awaitIfPaused() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
    }
}
