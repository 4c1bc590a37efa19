package org.mnistlab.training;

import java.util.Locale;

/**
 * Where the time of a fast-path training step goes, phase by phase, summed over the steps timed.
 *
 * <p>Filled only when handed to {@link Trainer#withProfile}; the {@code bench --profile} command
 * prints it. Timing costs two {@code System.nanoTime()} calls per phase, about 1 µs per step.
 */
public final class StepProfile {
    /** The parts of one step, in the order they run. */
    public enum Phase {
        GATHER("copy the batch's rows into the input buffer"),
        FORWARD_GEMM("forward matrix products"),
        FORWARD_ELEMENTWISE("bias, activation and dropout"),
        SOFTMAX_LOSS("softmax, loss and its gradient"),
        BACKWARD_GEMM("backward matrix products (weight and input gradients)"),
        BACKWARD_ELEMENTWISE("bias gradients, activation and dropout derivatives"),
        UPDATE("optimizer update of every parameter"),
        OUTSIDE_STEP("trainer bookkeeping and listeners between steps");

        private final String description;

        Phase(String description) {
            this.description = description;
        }
    }

    private final long[] nanos = new long[Phase.values().length];
    private long steps;
    private long examples;
    private long lastStepEnd;

    void add(Phase phase, long elapsedNanos) {
        nanos[phase.ordinal()] += elapsedNanos;
    }

    void stepStarted(long now) {
        if (lastStepEnd != 0) add(Phase.OUTSIDE_STEP, now - lastStepEnd);
    }

    void stepFinished(int batchSize, long now) {
        steps++;
        examples += batchSize;
        lastStepEnd = now;
    }

    /** The gap before the next step (an epoch's evaluation and reshuffle) is not a step's time. */
    void skipGap() {
        lastStepEnd = 0;
    }

    /** Forgets what was measured so far, e.g. after a warm-up; the next step starts afresh. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        steps = 0;
        examples = 0;
        lastStepEnd = 0;
    }

    public long steps() {
        return steps;
    }

    /** Mean microseconds per step spent in {@code phase}. */
    public double microsPerStep(Phase phase) {
        return steps == 0 ? Double.NaN : nanos[phase.ordinal()] / 1e3 / steps;
    }

    /** One line per phase: µs per step, share of the step, what it is. */
    public String table() {
        double total = 0;
        for (Phase p : Phase.values()) total += microsPerStep(p);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "per step (mean of %,d steps of %.0f examples): %.1f µs%n", steps,
                steps == 0 ? 0.0 : (double) examples / steps, total));
        for (Phase p : Phase.values()) {
            double us = microsPerStep(p);
            out.append(String.format(Locale.ROOT, "  %-21s %8.1f µs %5.1f%%  %s%n",
                    p.name().toLowerCase(Locale.ROOT), us, 100 * us / total, p.description));
        }
        return out.toString();
    }
}
