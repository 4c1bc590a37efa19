package org.mnistlab.ui.inside;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.mnistlab.inspection.Histogram;

/** A small bar chart of a {@link Histogram}, with a line at zero when zero is in range. */
final class HistogramView {
    private final Canvas canvas;

    HistogramView(Histogram histogram, double width, double height) {
        canvas = new Canvas(width, height);
        canvas.getStyleClass().add("histogram");
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f6f9"));
        g.fillRect(0, 0, width, height);
        int[] counts = histogram.counts();
        double most = Math.max(1, histogram.largestCount());
        double barWidth = width / counts.length;
        g.setFill(Color.web("#2e86de"));
        for (int i = 0; i < counts.length; i++) {
            double h = (height - 2) * counts[i] / most;
            g.fillRect(i * barWidth + 0.5, height - h, Math.max(1, barWidth - 1), h);
        }
        if (histogram.min() < 0 && histogram.max() > 0) {
            double zero = width * (-histogram.min()) / (histogram.max() - histogram.min());
            g.setStroke(Color.web("#c0392b"));
            g.strokeLine(zero, 0, zero, height);
        }
    }

    Node node() {
        return canvas;
    }
}
