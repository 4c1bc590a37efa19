package org.mnistlab.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Work off the FX thread. Each piece runs on a fresh daemon thread named by the caller
 * ("lab-…"), not in a pool: closing the window must leave no thread of ours behind, and a pool
 * would keep its idle threads.
 */
public final class Background {
    private Background() {}

    /** A task that returns what {@code work} returns: for {@link #start}, a {@code Service} or the training thread. */
    public static <T> Task<T> task(Callable<T> work) {
        return new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
    }

    /** Runs {@code work} on a new daemon thread called {@code name}. */
    public static void start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code task} on a new daemon thread called {@code name}; then its result goes to
     * {@code done}, or its failure to {@code failed}, on the FX thread.
     */
    public static <T> void start(Task<T> task, String name, Consumer<T> done, Consumer<Throwable> failed) {
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException()));
        start(task, name);
    }
}
