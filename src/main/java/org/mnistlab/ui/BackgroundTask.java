package org.mnistlab.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work for another thread, and what to do with its result back on the FX thread. View-models
 * build these and hand them to the {@link TaskExecutor} they were given, so they never start a
 * thread themselves and a test can run the work inline (shaped after JabRef's
 * {@code BackgroundTask … executeWith(TaskExecutor)}).
 *
 * <p>{@code onSuccess} and {@code onFailure} run on the FX thread in the window, and on the test's
 * thread with {@code CurrentThreadTaskExecutor}; a cancelled task calls neither.
 */
public final class BackgroundTask<V> {
    private final Callable<V> work;
    private String threadName = "lab-background";
    private Consumer<V> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = error -> { };

    private BackgroundTask(Callable<V> work) {
        this.work = work;
    }

    public static <V> BackgroundTask<V> wrap(Callable<V> work) {
        return new BackgroundTask<>(work);
    }

    /** The name of the thread it runs on ("lab-…"): what a bug report and the close check show. */
    public BackgroundTask<V> named(String name) {
        this.threadName = name;
        return this;
    }

    public BackgroundTask<V> onSuccess(Consumer<V> done) {
        this.onSuccess = done;
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<Throwable> failed) {
        this.onFailure = failed;
        return this;
    }

    public TaskExecutor.Handle executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    public String threadName() {
        return threadName;
    }

    /** The work itself; executors call it on their thread. */
    public V call() throws Exception {
        return work.call();
    }

    /** Executors report the result here, on the FX thread (or the test's). */
    public void succeeded(V result) {
        onSuccess.accept(result);
    }

    public void failed(Throwable error) {
        onFailure.accept(error);
    }
}
