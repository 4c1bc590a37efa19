package org.mnistlab.ui.designer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A small picture of the network: one bar per layer, its height growing with the logarithm of
 * the layer's width (so 784 and 16 both fit), joined by the fully connected weights.
 */
final class NetworkDiagram extends Canvas {
    private static final double MAX_UNITS_LOG = Math.log(4096);

    NetworkDiagram(double width, double height) {
        super(width, height);
        getStyleClass().add("network-diagram");
    }

    void draw(int[] widths) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight() - 14;
        g.clearRect(0, 0, w, getHeight());
        int n = widths.length;
        double step = w / n;
        double[] tops = new double[n];
        double[] bottoms = new double[n];
        for (int i = 0; i < n; i++) {
            double barHeight = Math.max(6, h * Math.log(widths[i] + 1) / MAX_UNITS_LOG);
            tops[i] = (h - barHeight) / 2;
            bottoms[i] = tops[i] + barHeight;
        }
        g.setStroke(Color.web("#9bb3d1"));
        g.setLineWidth(1);
        for (int i = 1; i < n; i++) {
            double x0 = step * (i - 0.5) + 6;
            double x1 = step * (i + 0.5) - 6;
            g.strokePolygon(new double[] {x0, x1, x1, x0}, new double[] {tops[i - 1], tops[i], bottoms[i], bottoms[i - 1]}, 4);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < n; i++) {
            double cx = step * (i + 0.5);
            g.setFill(i == 0 ? Color.web("#7f8c8d") : i == n - 1 ? Color.web("#c0392b") : Color.web("#2e86de"));
            g.fillRoundRect(cx - 6, tops[i], 12, bottoms[i] - tops[i], 4, 4);
            g.setFill(Color.web("#2c3e50"));
            g.fillText(String.valueOf(widths[i]), cx, getHeight() - 2);
        }
    }
}
