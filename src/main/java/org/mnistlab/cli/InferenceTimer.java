package org.mnistlab.cli;

import java.util.Arrays;
import java.util.List;
import org.mnistlab.drawing.InkImage;
import org.mnistlab.drawing.Stroke;
import org.mnistlab.drawing.StrokeRenderer;
import org.mnistlab.inspection.DrawingReading;
import org.mnistlab.network.TrainedModel;

/**
 * Times what the drawing pad does after each stroke: the strokes rendered into the 280×280
 * canvas picture, turned into the 28×28 input (keeping each step's picture for the step-by-step row), then one forward pass that gives
 * every hidden layer's activation strip and the ten probabilities.
 */
final class InferenceTimer {
    private static final int CANVAS = 280;
    private static final float BRUSH = 20; // the pad's pen
    private static final int WARMUP = 200;
    private static final int RUNS = 500;

    private InferenceTimer() {}

    /** @return {median, 90th percentile} in milliseconds */
    static double[] measure(TrainedModel model) {
        List<Stroke> seven = sevenStrokes();
        double[] ms = new double[RUNS];
        float sink = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            InkImage canvas = StrokeRenderer.toInk(seven, CANVAS, BRUSH);
            sink += DrawingReading.of(canvas, model).probabilities()[7];
            if (i >= WARMUP) ms[i - WARMUP] = (System.nanoTime() - start) / 1e6;
        }
        if (Float.isNaN(sink)) ms[0] = Double.NaN; // keeps the JIT from dropping the work
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[RUNS * 9 / 10]};
    }

    /** A "7" of two strokes, as a student might draw it with the pad's pen. */
    private static List<Stroke> sevenStrokes() {
        return List.of(Stroke.at(70, 60).then(140, 60).then(210, 60),
                Stroke.at(210, 60).then(165, 145).then(120, 230));
    }
}
