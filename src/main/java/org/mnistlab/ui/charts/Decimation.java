package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a long curve to at most a few hundred points for display, averaging neighbours, so a
 * 20-epoch run (tens of thousands of batches) redraws as fast as a short one.
 */
final class Decimation {
    private Decimation() {}

    static List<double[]> toAtMost(List<double[]> points, int maxPoints) {
        int n = points.size();
        if (n <= maxPoints) return new ArrayList<>(points);
        List<double[]> out = new ArrayList<>(maxPoints);
        for (int bucket = 0; bucket < maxPoints; bucket++) {
            int from = (int) ((long) bucket * n / maxPoints);
            int to = (int) ((long) (bucket + 1) * n / maxPoints);
            double x = 0, y = 0;
            for (int i = from; i < to; i++) {
                x += points.get(i)[0];
                y += points.get(i)[1];
            }
            out.add(new double[] {x / (to - from), y / (to - from)});
        }
        return out;
    }
}
