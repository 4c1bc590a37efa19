package org.mnistlab.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one thread a session's runs train on, one after another.
 *
 * <p>Not a fresh thread per run: glibc gives each new thread that allocates heavily its own
 * malloc arena and keeps what was freed there for reuse by that thread alone, so fifty short runs
 * on fifty threads left the process 450 MB larger, while on one thread it stays flat
 * ({@code StartStopMemoryTest}). Daemon, so a run never keeps the JVM alive on its own.
 */
public final class TrainingThread {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "lab-training");
        thread.setDaemon(true);
        return thread;
    });

    public Future<?> submit(Runnable run) {
        return executor.submit(run);
    }

    /**
     * Takes no more runs and waits up to {@code timeoutMillis} for the current one to end; the
     * caller cancels it first through its {@link TrainingControl}.
     *
     * @return true if the thread has ended
     */
    public boolean shutdown(long timeoutMillis) {
        executor.shutdown();
        try {
            return executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
