package org.mnistlab.ui;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.concurrent.Task;
import org.mnistlab.training.TrainingThread;

/**
 * The window's {@link TaskExecutor}: each task runs as a {@code javafx.concurrent.Task}, its
 * result comes back on the FX thread.
 *
 * <p>{@link #threadPerTask()} gives each piece of work a fresh daemon thread, not a pool: closing
 * the window must leave no thread of ours behind, and a pool would keep its idle threads.
 * {@link #awaitIdle} lets the window wait for the few still under way when it closes.
 * {@link #on(TrainingThread)} puts runs on the session's one training thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    /** Where a task's work runs. */
    private interface Threads {
        void start(Runnable work, String name);
    }

    private final Threads threads;
    /** Threads started by {@link #threadPerTask()}, pruned of ended ones as new ones start. */
    private final Set<Thread> underWay = ConcurrentHashMap.newKeySet();

    private FxTaskExecutor(Threads threads) {
        this.threads = threads;
    }

    private FxTaskExecutor() {
        this.threads = (work, name) -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            underWay.removeIf(ended -> !ended.isAlive());
            underWay.add(thread);
            thread.start();
        };
    }

    public static FxTaskExecutor threadPerTask() {
        return new FxTaskExecutor();
    }

    /**
     * Waits up to {@code timeoutMillis} for the tasks under way (a reading, an evaluation) to end,
     * so closing the window leaves no thread of ours behind.
     *
     * @return true if none is left
     */
    public boolean awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (Thread thread : Set.copyOf(underWay)) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) break;
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return underWay.stream().noneMatch(Thread::isAlive);
    }

    public static FxTaskExecutor on(TrainingThread thread) {
        return new FxTaskExecutor((work, name) -> thread.submit(work));
    }

    @Override
    public <V> Handle execute(BackgroundTask<V> task) {
        Task<V> fx = new Task<>() {
            @Override
            protected V call() throws Exception {
                return task.call();
            }
        };
        fx.setOnSucceeded(e -> task.succeeded(fx.getValue()));
        fx.setOnFailed(e -> task.failed(fx.getException()));
        threads.start(fx, task.threadName());
        return () -> fx.cancel();
    }
}
