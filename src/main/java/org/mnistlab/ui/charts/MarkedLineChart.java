package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * A line chart that can also draw vertical markers across the plot, e.g. where the learning
 * rate was changed during a run, and faint lines where epochs end. JavaFX charts have no
 * markers of their own.
 */
final class MarkedLineChart extends LineChart<Number, Number> {
    /** A vertical line at {@code x} in data units, belonging to run number {@code run}, captioned {@code label}. */
    record Marker(double x, Color color, int run, String label) {}

    private final ObservableList<Marker> markers = FXCollections.observableArrayList();
    private final Map<Marker, Line> lines = new HashMap<>();
    private final Map<Marker, Text> captions = new HashMap<>();
    /** Epoch ends, in x data units: drawn behind the curves, in the CSS's faint "epoch-boundary". */
    private final ObservableList<Double> boundaries = FXCollections.observableArrayList();
    private final List<Line> boundaryLines = new ArrayList<>();

    MarkedLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        markers.addListener((ListChangeListener<Marker>) change -> {
            while (change.next()) {
                for (Marker m : change.getRemoved()) {
                    getPlotChildren().remove(lines.remove(m));
                    getPlotChildren().remove(captions.remove(m));
                }
                for (Marker m : change.getAddedSubList()) {
                    Line line = new Line();
                    line.setStroke(m.color());
                    line.getStyleClass().add("rate-marker");
                    lines.put(m, line);
                    Text caption = new Text(m.label());
                    caption.setFill(m.color());
                    caption.getStyleClass().add("rate-marker-label");
                    captions.put(m, caption);
                    getPlotChildren().addAll(line, caption);
                }
            }
            requestChartLayout();
        });
        boundaries.addListener((ListChangeListener<Double>) change -> {
            getPlotChildren().removeAll(boundaryLines);
            boundaryLines.clear();
            for (int i = 0; i < boundaries.size(); i++) {
                Line line = new Line();
                line.getStyleClass().add("epoch-boundary");
                line.setMouseTransparent(true); // the test points' hover values stay reachable
                boundaryLines.add(line);
            }
            getPlotChildren().addAll(0, boundaryLines);
            requestChartLayout();
        });
    }

    /** Where epochs end; set as a whole when they change. */
    ObservableList<Double> boundaries() {
        return boundaries;
    }

    ObservableList<Marker> markers() {
        return markers;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double height = getYAxis().getHeight();
        for (int i = 0; i < boundaryLines.size(); i++) {
            double x = getXAxis().getDisplayPosition(boundaries.get(i));
            Line line = boundaryLines.get(i);
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(0);
            line.setEndY(height); // behind the curves already: added at the front of the plot's children
        }
        for (Map.Entry<Marker, Line> entry : lines.entrySet()) {
            double x = getXAxis().getDisplayPosition(entry.getKey().x());
            Line line = entry.getValue();
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(0);
            line.setEndY(height);
            line.toFront();
            Text caption = captions.get(entry.getKey());
            caption.setX(x + 3);
            caption.setY(12 + 14 * (entry.getKey().run() % 3)); // runs changed at one place stay readable
            caption.toFront();
        }
    }
}
