package org.mnistlab.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each task until the test runs it, in the order the test chooses: for what happens while
 * work is still under way (a newer request, a cancel). Runs on the test's thread.
 */
public final class HeldTaskExecutor implements TaskExecutor {
    private final List<Held<?>> waiting = new ArrayList<>();

    private static final class Held<V> {
        final BackgroundTask<V> task;
        boolean cancelled;

        Held(BackgroundTask<V> task) {
            this.task = task;
        }

        void run() {
            new CurrentThreadTaskExecutor().execute(BackgroundTask.wrap(task::call)
                    .onSuccess(result -> { if (!cancelled) task.succeeded(result); })
                    .onFailure(error -> { if (!cancelled) task.failed(error); }));
        }
    }

    @Override
    public <V> Handle execute(BackgroundTask<V> task) {
        Held<V> held = new Held<>(task);
        waiting.add(held);
        return () -> held.cancelled = true;
    }

    /** Tasks handed over and not yet run. */
    public int waiting() {
        return waiting.size();
    }

    /** Runs the oldest waiting task and reports its result. */
    public void runNext() {
        waiting.remove(0).run();
    }

    /** Runs waiting tasks, including ones they start, until none is left. */
    public void runAll() {
        while (!waiting.isEmpty()) runNext();
    }
}
