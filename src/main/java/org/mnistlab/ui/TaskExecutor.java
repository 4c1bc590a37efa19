package org.mnistlab.ui;

/**
 * Runs {@link BackgroundTask}s. The window's is {@link FxTaskExecutor}; tests pass one that runs
 * the work inline ({@code CurrentThreadTaskExecutor}), which makes asynchronous view-models
 * deterministic and testable without a window.
 */
public interface TaskExecutor {
    <V> Handle execute(BackgroundTask<V> task);

    /** A task under way. */
    interface Handle {
        /** Drops the task: neither its success nor its failure is reported. */
        void cancel();
    }
}
