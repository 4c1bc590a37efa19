package org.mnistlab.ui;

import java.util.function.Supplier;

/**
 * Work asked for again before it is done, where only the newest answer matters (the pad's reading
 * while the user draws, the gallery while training replaces the model). At most one task runs; a
 * request while it runs waits for it to end, then starts afresh, and the out-of-date result is
 * dropped. So a fast drag costs at most one wasted forward pass.
 */
public final class LatestOnly<V> {
    private final TaskExecutor executor;
    /** Called on the FX thread at each start: takes what the work needs, then names the task. */
    private final Supplier<BackgroundTask<V>> snapshot;
    private int generation;
    private boolean running;
    private boolean pending;

    public LatestOnly(TaskExecutor executor, Supplier<BackgroundTask<V>> snapshot) {
        this.executor = executor;
        this.snapshot = snapshot;
    }

    /** Asks for a fresh result; any result from before this call will not be reported. */
    public void request() {
        generation++;
        if (running) {
            pending = true;
        } else {
            start();
        }
    }

    /** Drops the result under way, if any, and any request waiting. */
    public void cancel() {
        generation++;
        pending = false;
    }

    private void start() {
        int mine = generation;
        BackgroundTask<V> task = snapshot.get();
        BackgroundTask<V> wrapped = BackgroundTask.wrap(task::call).named(task.threadName())
                .onSuccess(result -> ended(mine, () -> task.succeeded(result)))
                .onFailure(error -> ended(mine, () -> task.failed(error)));
        running = true;
        wrapped.executeWith(executor);
    }

    private void ended(int started, Runnable report) {
        running = false;
        if (pending) {
            pending = false;
            start();
        } else if (started == generation) {
            report.run();
        }
    }
}
