package org.mnistlab.ui.charts;

import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Run colours and marker shapes on chart nodes. JavaFX colours series by their index in the
 * chart, which changes when a run is removed; a run must keep its colour, so it is set here, in
 * this one place. The shape is a second cue beside the colour (for colour-blind readers and grey
 * print-outs): circle, square, diamond, triangle, by run number.
 */
final class SeriesStyle {
    /** SVG paths, each in a unit box; CSS scales them to the dot's size. */
    private static final String[] SHAPES = {
        "", // a circle: the dot's own rounded background
        "M0 0 H1 V1 H0 Z",
        "M0.5 0 L1 0.5 L0.5 1 L0 0.5 Z",
        "M0.5 0 L1 1 H0 Z"};

    private SeriesStyle() {}

    static void line(XYChart.Series<Number, Number> series, Color color, boolean dashed) {
        series.getNode().setStyle("-fx-stroke: " + hex(color) + "; -fx-stroke-width: 2px;"
                + (dashed ? " -fx-stroke-dash-array: 6 4;" : ""));
    }

    /** A thin, half-transparent line: a curve to read beside the main one, not instead of it. */
    static void faint(XYChart.Series<Number, Number> series, Color color) {
        series.getNode().setStyle("-fx-stroke: " + hex(color) + "; -fx-stroke-width: 1px; -fx-opacity: 0.6;");
    }

    /** A test point's dot, in the run's colour and shape. */
    static Region dot(Color color, int runNumber) {
        Region dot = new Region();
        dot.getStyleClass().add("run-dot");
        String shape = SHAPES[(runNumber - 1) % SHAPES.length];
        dot.setStyle("-fx-background-color: " + hex(color) + ", white;"
                + (shape.isEmpty() ? "" : " -fx-shape: \"" + shape + "\"; -fx-background-radius: 0;"));
        return dot;
    }

    /** The run list's swatch: the run's dot, larger. */
    static Node swatch(Color color, int runNumber) {
        Region swatch = dot(color, runNumber);
        swatch.getStyleClass().add("run-swatch");
        return swatch;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
