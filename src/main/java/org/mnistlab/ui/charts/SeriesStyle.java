package org.mnistlab.ui.charts;

import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Run colours on chart nodes. JavaFX colours series by their index in the chart, which changes
 * when a run is removed; a run must keep its colour, so it is set here, in this one place.
 */
final class SeriesStyle {
    private SeriesStyle() {}

    static void line(XYChart.Series<Number, Number> series, Color color, boolean dashed) {
        series.getNode().setStyle("-fx-stroke: " + hex(color) + "; -fx-stroke-width: 2px;"
                + (dashed ? " -fx-stroke-dash-array: 6 4;" : ""));
    }

    /** A thin, half-transparent line: a curve to read beside the main one, not instead of it. */
    static void faint(XYChart.Series<Number, Number> series, Color color) {
        series.getNode().setStyle("-fx-stroke: " + hex(color) + "; -fx-stroke-width: 1px; -fx-opacity: 0.6;");
    }

    static Node dot(Color color) {
        Region dot = new Region();
        dot.getStyleClass().add("run-dot");
        dot.setStyle("-fx-background-color: " + hex(color) + ", white;");
        return dot;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
