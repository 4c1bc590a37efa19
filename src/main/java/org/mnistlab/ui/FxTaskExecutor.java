package org.mnistlab.ui;

import javafx.concurrent.Task;
import org.mnistlab.training.TrainingThread;

/**
 * The window's {@link TaskExecutor}: each task runs as a {@code javafx.concurrent.Task}, its
 * result comes back on the FX thread.
 *
 * <p>{@link #threadPerTask()} gives each piece of work a fresh daemon thread, not a pool: closing
 * the window must leave no thread of ours behind, and a pool would keep its idle threads.
 * {@link #on(TrainingThread)} puts runs on the session's one training thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    /** Where a task's work runs. */
    private interface Threads {
        void start(Runnable work, String name);
    }

    private final Threads threads;

    private FxTaskExecutor(Threads threads) {
        this.threads = threads;
    }

    public static FxTaskExecutor threadPerTask() {
        return new FxTaskExecutor((work, name) -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        });
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
