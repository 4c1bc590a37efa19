package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.training.LossPoint;

/**
 * Shrinks a long curve to at most a few hundred points for display, averaging neighbours, so a
 * 20-epoch run (tens of thousands of batches) redraws as fast as a short one.
 */
final class Decimation {
    private Decimation() {}

    static List<LossPoint> toAtMost(List<LossPoint> points, int maxPoints) {
        int n = points.size();
        if (n <= maxPoints) return new ArrayList<>(points);
        List<LossPoint> out = new ArrayList<>(maxPoints);
        for (int bucket = 0; bucket < maxPoints; bucket++) {
            int from = (int) ((long) bucket * n / maxPoints);
            int to = (int) ((long) (bucket + 1) * n / maxPoints);
            double x = 0, y = 0;
            for (int i = from; i < to; i++) {
                x += points.get(i).examplesSeen();
                y += points.get(i).loss();
            }
            out.add(new LossPoint(Math.round(x / (to - from)), y / (to - from)));
        }
        return out;
    }
}
