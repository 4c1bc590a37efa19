package org.mnistlab.cli;

import java.util.Arrays;
import org.mnistlab.drawing.InkImage;
import org.mnistlab.inspection.DrawingReading;
import org.mnistlab.network.TrainedModel;

/**
 * Times what the drawing pad does after each stroke: a 280×280 canvas turned into the 28×28
 * input (keeping each step's picture for the step-by-step row), then one forward pass that gives
 * every hidden layer's activation strip and the ten probabilities.
 */
final class InferenceTimer {
    private static final int CANVAS = 280;
    private static final int WARMUP = 200;
    private static final int RUNS = 500;

    private InferenceTimer() {}

    /** @return {median, 90th percentile} in milliseconds */
    static double[] measure(TrainedModel model) {
        InkImage seven = sevenOnCanvas();
        double[] ms = new double[RUNS];
        float sink = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            sink += DrawingReading.of(seven, model).probabilities()[7];
            if (i >= WARMUP) ms[i - WARMUP] = (System.nanoTime() - start) / 1e6;
        }
        if (Float.isNaN(sink)) ms[0] = Double.NaN; // keeps the JIT from dropping the work
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[RUNS * 9 / 10]};
    }

    /** A "7" of two thick strokes, as a student might draw it. */
    private static InkImage sevenOnCanvas() {
        float[] ink = new float[CANVAS * CANVAS];
        stroke(ink, 70, 60, 210, 60);
        stroke(ink, 210, 60, 120, 230);
        return new InkImage(CANVAS, CANVAS, ink);
    }

    private static void stroke(float[] ink, int x0, int y0, int x1, int y1) {
        int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        for (int s = 0; s <= steps; s++) {
            int cx = x0 + (x1 - x0) * s / steps;
            int cy = y0 + (y1 - y0) * s / steps;
            for (int y = cy - 9; y <= cy + 9; y++) {
                for (int x = cx - 9; x <= cx + 9; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= 81) ink[y * CANVAS + x] = 1f;
                }
            }
        }
    }
}
