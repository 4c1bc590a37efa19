package org.mnistlab.network;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing, as PyTorch's {@code CosineAnnealingLR} over one run: the rate at step t of T is
 * {@code floor + (initial − floor) · (1 + cos(π t / T)) / 2}, from the initial rate at the first
 * step down to the floor at the end. DL4J 1.0.0-M2.1 has no cosine schedule, so this is the lab's,
 * in the shape of DL4J's own (Jackson writes it into the model file by its properties; the
 * {@code @class} that {@link ISchedule} asks for names it).
 */
public final class CosineSchedule implements ISchedule {
    private final double initialValue;
    private final double floor;
    private final int totalIterations;

    public CosineSchedule(@JsonProperty("initialValue") double initialValue, @JsonProperty("floor") double floor,
            @JsonProperty("totalIterations") int totalIterations) {
        this.initialValue = initialValue;
        this.floor = floor;
        this.totalIterations = Math.max(1, totalIterations);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double t = Math.min(iteration, totalIterations);
        return floor + (initialValue - floor) * (1 + Math.cos(Math.PI * t / totalIterations)) / 2;
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(initialValue, floor, totalIterations);
    }

    public double getInitialValue() { return initialValue; }
    public double getFloor() { return floor; }
    public int getTotalIterations() { return totalIterations; }

    /** DL4J merges layers into one updater block only when their configs, schedule included, are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CosineSchedule o && Double.compare(o.initialValue, initialValue) == 0
                && Double.compare(o.floor, floor) == 0 && o.totalIterations == totalIterations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, floor, totalIterations);
    }

    @Override
    public String toString() {
        return "CosineSchedule(" + initialValue + " to " + floor + " over " + totalIterations + " iterations)";
    }
}
