package org.mnistlab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.converter.PercentageStringConverter;

/**
 * A sweep's summary: each run's final test accuracy and best validation accuracy against its
 * learning rate, on a log axis (log10 plotted, the ticks labelled with rates).
 */
public final class SweepChart {
    /** One point of the summary: a rate, and its run's accuracies (NaN where not measured). */
    public record Point(double rate, double finalTestAccuracy, double bestValidationAccuracy) {}

    private final LineChart<Number, Number> chart;
    private final XYChart.Series<Number, Number> test = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validation = new XYChart.Series<>();

    public SweepChart() {
        NumberAxis x = new NumberAxis();
        x.setLabel("Learning rate (log scale)");
        x.setTickLabelFormatter(new LogTicks());
        x.setForceZeroInRange(false);
        x.setAutoRanging(false);
        x.setTickUnit(1);
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setLabel("Accuracy");
        y.setTickLabelFormatter(new PercentageStringConverter(Locale.ROOT));
        chart = new LineChart<>(x, y);
        chart.setId("sweepChart");
        chart.setAnimated(false);
        test.setName("final test accuracy");
        validation.setName("best validation accuracy");
        chart.getData().addAll(List.of(test, validation));
        chart.setPrefSize(520, 300);
    }

    public Node node() {
        return chart;
    }

    public void show(List<Point> points) {
        List<XYChart.Data<Number, Number>> tests = new ArrayList<>();
        List<XYChart.Data<Number, Number>> validations = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : points.stream().sorted(java.util.Comparator.comparingDouble(Point::rate)).toList()) {
            double x = Math.log10(p.rate());
            min = Math.min(min, x);
            max = Math.max(max, x);
            if (!Double.isNaN(p.finalTestAccuracy())) tests.add(new XYChart.Data<>(x, p.finalTestAccuracy()));
            if (!Double.isNaN(p.bestValidationAccuracy())) {
                validations.add(new XYChart.Data<>(x, p.bestValidationAccuracy()));
            }
        }
        test.getData().setAll(tests);
        validation.getData().setAll(validations);
        if (min <= max) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setLowerBound(Math.floor(min + 1e-9) - (Math.floor(min + 1e-9) == Math.ceil(max - 1e-9) ? 1 : 0));
            x.setUpperBound(Math.ceil(max - 1e-9));
        }
    }

    /** The points as drawn, for tests: x is log10 of the rate. */
    public List<XYChart.Data<Number, Number>> drawnTest() {
        return test.getData();
    }

    public List<XYChart.Data<Number, Number>> drawnValidation() {
        return validation.getData();
    }
}
