package org.mnistlab.network;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A linear warm-up in front of another schedule: step i of the first {@code warmupIterations}
 * trains at {@code (i + 1) / warmupIterations} of the rate {@code after} gives it, so the first
 * step is small but not zero (PyTorch's {@code LinearLR} with a start factor of 1/W), and from
 * step W on the rate is {@code after}'s own. DL4J has no warm-up; the lab's follows the shape of
 * DL4J's schedules, so it is written into the model file with the rest of the configuration.
 */
public final class WarmupSchedule implements ISchedule {
    private final int warmupIterations;
    private final ISchedule after;

    public WarmupSchedule(@JsonProperty("warmupIterations") int warmupIterations,
            @JsonProperty("after") ISchedule after) {
        this.warmupIterations = Math.max(1, warmupIterations);
        this.after = Objects.requireNonNull(after, "after");
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double rate = after.valueAt(iteration, epoch);
        return iteration < warmupIterations ? rate * (iteration + 1) / warmupIterations : rate;
    }

    @Override
    public ISchedule clone() {
        return new WarmupSchedule(warmupIterations, after.clone());
    }

    public int getWarmupIterations() { return warmupIterations; }
    public ISchedule getAfter() { return after; }

    @Override
    public boolean equals(Object other) {
        return other instanceof WarmupSchedule o && o.warmupIterations == warmupIterations && o.after.equals(after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(warmupIterations, after);
    }

    @Override
    public String toString() {
        return "WarmupSchedule(" + warmupIterations + " iterations, then " + after + ")";
    }
}
