package org.mnistlab.training;

import java.util.List;

/**
 * What a learning-rate range test ({@link RateFinder}) found: each step's rate and loss, and the
 * rates it suggests with the reason, or none (NaN) when the network diverged at once or never learned.
 *
 * @param steepest the rate where the smoothed loss fell fastest, or NaN
 * @param minimumTenth a tenth of the rate at the smoothed loss's minimum, or NaN
 * @param explanation one or two sentences for the user: why these rates, or why none
 */
public record RateFinding(List<Point> points, double steepest, double minimumTenth, String explanation) {
    public RateFinding {
        points = List.copyOf(points);
    }

    /** One step of the sweep: the rate it trained at, its loss, and the loss smoothed as fastai smooths it. */
    public record Point(double rate, double loss, double smoothedLoss) {}

    static RateFinding nothing(List<Point> points, String why) {
        return new RateFinding(points, Double.NaN, Double.NaN, why);
    }

    public boolean suggests() {
        return !Double.isNaN(steepest);
    }
}
