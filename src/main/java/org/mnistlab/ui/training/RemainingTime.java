package org.mnistlab.ui.training;

/**
 * How long a run has left, from its rate over the whole run so far.
 *
 * <p>The trainer's samples/s counts only training: the test-set checks (several per epoch, a
 * second or two at each epoch end) are left out, so an ETA made from it runs short and then
 * jumps. This rate divides the examples seen by the time the run has been going, checks
 * included, so the pauses are priced in and the estimate moves smoothly. Time the user keeps it
 * paused is left out. Plain arithmetic on the times it is given: no clock of its own.
 */
final class RemainingTime {
    /** Before this much running time the rate says little (start-up, the first batches warming up). */
    static final long SETTLE_NANOS = 2_000_000_000L;

    private final long totalExamples;
    private final long startNanos;
    private long pausedNanos;
    private long pauseStartedNanos = -1;

    RemainingTime(long totalExamples, long startNanos) {
        this.totalExamples = totalExamples;
        this.startNanos = startNanos;
    }

    void pause(long now) {
        if (pauseStartedNanos < 0) pauseStartedNanos = now;
    }

    void resume(long now) {
        if (pauseStartedNanos >= 0) pausedNanos += now - pauseStartedNanos;
        pauseStartedNanos = -1;
    }

    /** Seconds left, or NaN while the rate is not yet known. */
    double secondsLeft(long examplesSeen, long now) {
        long running = now - startNanos - pausedNanos - (pauseStartedNanos >= 0 ? now - pauseStartedNanos : 0);
        if (running < SETTLE_NANOS || examplesSeen <= 0) return Double.NaN;
        double examplesPerNano = examplesSeen / (double) running;
        return Math.max(0, totalExamples - examplesSeen) / examplesPerNano / 1e9;
    }

    /** "1:05", "1:02:03", "…" while not known, "finishing" once every example is seen (the last test check). */
    String text(long examplesSeen, long now) {
        if (examplesSeen >= totalExamples) return "finishing";
        double seconds = secondsLeft(examplesSeen, now);
        if (Double.isNaN(seconds)) return "…";
        // Rounded up: "0:00" would say done while a second is left.
        long s = (long) Math.ceil(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
