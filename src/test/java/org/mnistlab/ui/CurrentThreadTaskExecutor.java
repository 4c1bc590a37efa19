package org.mnistlab.ui;

/**
 * Runs each task at once on the caller's thread and reports its result before {@code execute}
 * returns, as JabRef's does: "to make asynchronous code deterministic and testable". An
 * {@code Error} (a failed assertion inside the work) is not a task failure: it fails the test.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <V> Handle execute(BackgroundTask<V> task) {
        V result;
        try {
            result = task.call();
        } catch (Exception e) {
            task.failed(e);
            return () -> { };
        }
        task.succeeded(result);
        return () -> { };
    }
}
