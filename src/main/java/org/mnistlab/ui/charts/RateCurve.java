package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.training.RatePoint;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The learning rate a run trained at, as a staircase of {@link RatePoint}s. A run trained in this
 * window has the rates its batches reported; a stored run keeps only its settings and the changes
 * made by hand, so its curve is worked out again from the same DL4J schedule the trainer read
 * (a change by hand replaces the schedule, as DL4J's {@code setLearningRate} does).
 */
final class RateCurve {
    private RateCurve() {}

    /**
     * @param givenImages training images the run was given (validation ones included), which
     *     fix the steps per epoch a schedule counts; 0 when not known (the rate then follows
     *     only the spec's rate and the changes)
     * @param trainLoss one point per batch, in order
     */
    static List<RatePoint> derive(NetworkSpec spec, int givenImages, List<LossPoint> trainLoss,
            List<RateChange> changes) {
        ISchedule schedule = givenImages > 0 && spec.optimizer().usesLearningRate()
                ? spec.rateSchedule(givenImages) : null;
        int perEpoch = givenImages > 0 ? spec.batchesPerEpoch(givenImages) : Integer.MAX_VALUE;
        List<RatePoint> out = new ArrayList<>();
        Double changed = null;
        int nextChange = 0;
        long before = 0;
        for (int i = 0; i < trainLoss.size(); i++) {
            while (nextChange < changes.size() && changes.get(nextChange).examplesSeen() <= before) {
                changed = changes.get(nextChange++).learningRate();
            }
            double rate = changed != null ? changed
                    : schedule != null ? schedule.valueAt(i, i / perEpoch) : spec.learningRate();
            add(out, new RatePoint(before, rate));
            before = trainLoss.get(i).examplesSeen();
        }
        return out;
    }

    /** Adds {@code point} unless the rate is the last one's: the curve keeps only where it moved. */
    static void add(List<RatePoint> curve, RatePoint point) {
        if (curve.isEmpty() || Double.compare(curve.get(curve.size() - 1).learningRate(), point.learningRate()) != 0) {
            curve.add(point);
        }
    }

    /**
     * The staircase as points to draw, up to {@code end} examples: a corner at each step, and no
     * more than about {@code maxPoints}, so a smooth schedule's thousands of steps become an
     * even sample of them (the last one always kept).
     */
    static List<RatePoint> corners(List<RatePoint> curve, long end, int maxPoints) {
        List<RatePoint> out = new ArrayList<>();
        int n = curve.size();
        if (n == 0) return out;
        int stride = Math.max(1, (int) Math.ceil(n / Math.max(1.0, maxPoints / 2.0)));
        for (int i = 0; i < n; i += stride) corner(out, curve.get(i));
        if ((n - 1) % stride != 0) corner(out, curve.get(n - 1));
        RatePoint last = out.get(out.size() - 1);
        if (end > last.examplesSeen()) out.add(new RatePoint(end, last.learningRate()));
        return out;
    }

    private static void corner(List<RatePoint> out, RatePoint step) {
        if (!out.isEmpty()) out.add(new RatePoint(step.examplesSeen(), out.get(out.size() - 1).learningRate()));
        out.add(step);
    }
}
