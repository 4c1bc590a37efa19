package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import org.mnistlab.training.RateFinding;

/**
 * The range test's plot: the smoothed loss against the rate on a log axis (log10 plotted, the
 * ticks labelled with rates), with a line at each suggested rate.
 */
public final class RateFinderChart {
    private static final Color STEEPEST = Color.web("#1f77b4");
    private static final Color TENTH = Color.web("#2ca02c");
    private final MarkedLineChart chart;
    private final XYChart.Series<Number, Number> smoothed = new XYChart.Series<>();

    public RateFinderChart() {
        NumberAxis x = new NumberAxis();
        x.setLabel("Learning rate (log scale)");
        x.setTickLabelFormatter(new LogTicks());
        x.setForceZeroInRange(false);
        x.setAutoRanging(false);
        x.setLowerBound(-6);
        x.setUpperBound(1);
        x.setTickUnit(1);
        NumberAxis y = new NumberAxis();
        y.setLabel("Smoothed loss");
        chart = new MarkedLineChart(x, y);
        chart.setId("rateFinderChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.getData().add(smoothed);
        chart.setPrefSize(560, 320);
    }

    public Node node() {
        return chart;
    }

    /** Shows {@code found}: its curve, and its suggestions when it has any. */
    public void show(RateFinding found) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (RateFinding.Point p : found.points()) {
            if (p.rate() > 0 && Double.isFinite(p.smoothedLoss())) {
                points.add(new XYChart.Data<>(Math.log10(p.rate()), p.smoothedLoss()));
            }
        }
        smoothed.getData().setAll(points);
        chart.markers().clear();
        if (found.suggests()) {
            chart.markers().add(new MarkedLineChart.Marker(Math.log10(found.steepest()), STEEPEST, 0,
                    "steepest " + LogTicks.plain(found.steepest())));
            chart.markers().add(new MarkedLineChart.Marker(Math.log10(found.minimumTenth()), TENTH, 1,
                    "minimum ÷ 10: " + LogTicks.plain(found.minimumTenth())));
        }
    }

    /** The smoothed curve as drawn (x is log10 of the rate), for tests. */
    public List<XYChart.Data<Number, Number>> drawnCurve() {
        return smoothed.getData();
    }

    /** The captions of the suggestion lines, for tests. */
    public List<String> markerLabels() {
        return chart.markers().stream().map(MarkedLineChart.Marker::label).toList();
    }
}
