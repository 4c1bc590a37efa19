package org.mnistlab.ui.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.PercentageStringConverter;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.Texts;

/**
 * The learning curves: loss and test accuracy against examples seen, every run overlaid in its
 * own colour, with the list of runs below (show, hide, remove) and PNG/CSV export. Each run is
 * redrawn when its {@link RecordedRun#revision} changes, which training does at most ~30 times a
 * second.
 */
public final class ChartsView {
    /** Points per drawn curve; the raw curve stays in the {@link RecordedRun}. */
    static final int MAX_DRAWN_POINTS = 400;
    /** Raw batch losses that end a diverged run's curve. */
    static final int RAW_END_POINTS = 20;

    private final ChartsViewModel vm;
    private final RunHistory history;
    private final FileDialogs dialogs;
    private final MarkedLineChart lossChart = chart("Loss (cross-entropy)", "lossChart");
    private final MarkedLineChart accuracyChart = chart("Test accuracy", "accuracyChart");

    {
        // Accuracy always on 0–100 %, so runs compare at a glance and the axis doesn't jump.
        NumberAxis y = (NumberAxis) accuracyChart.getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(1);
        y.setTickUnit(0.1);
        y.setTickLabelFormatter(new PercentageStringConverter(Locale.ROOT)); // "30%" in every locale
    }
    private final Map<RecordedRun, RunSeries> drawn = new HashMap<>();
    private final VBox root = new VBox(8);

    /** What one run puts on the charts: three curves, and how many of its rate changes are marked. */
    private static final class RunSeries {
        final XYChart.Series<Number, Number> train = new XYChart.Series<>();
        final XYChart.Series<Number, Number> test = new XYChart.Series<>();
        final XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
        int markedRateChanges;
        boolean divergenceMarked;
        ChangeListener<Number> onRevision;
        ChangeListener<RecordedRun.State> onState;
    }

    public ChartsView(ChartsViewModel vm, FileDialogs dialogs) {
        this.vm = vm;
        this.history = vm.history();
        this.dialogs = dialogs;
        HBox charts = new HBox(8, lossChart, accuracyChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label legend = Texts.hint("Solid line: training loss (smoothed) · dots: test loss and accuracy · "
                + "vertical line: learning rate changed");
        legend.setMinHeight(Region.USE_PREF_SIZE); // wraps onto a second line rather than ending in "…"
        root.getChildren().addAll(charts, legend, runList(), exportButtons());
        root.getStyleClass().add("charts");
        history.runs().addListener((ListChangeListener<RecordedRun>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::undraw);
                change.getAddedSubList().forEach(run -> {
                    run.visible().addListener((obs, was, visible) -> {
                        if (visible) draw(run); else undraw(run);
                    });
                    draw(run);
                });
            }
        });
    }

    public Node node() {
        return root;
    }

    /**
     * Redraws one run's training-loss curve from its raw points and adds its new test points and
     * rate markers.
     */
    void refresh(RecordedRun run) {
        RunSeries series = drawn.get(run);
        if (series == null) return;
        List<XYChart.Data<Number, Number>> train = new ArrayList<>();
        List<LossPoint> shown = Decimation.toAtMost(run.smoothedLoss(), MAX_DRAWN_POINTS);
        boolean diverged = run.state().get() == RecordedRun.State.DIVERGED;
        if (diverged) shown = withRawEnd(shown, run.trainLoss());
        for (LossPoint p : shown) {
            train.add(point(p.examplesSeen(), p.loss(), null));
        }
        series.train.getData().setAll(train);
        // Test points are few and never change once measured: only the new ones are added.
        List<EvaluationPoint> evaluations = run.evaluations();
        List<XYChart.Data<Number, Number>> test = new ArrayList<>();
        List<XYChart.Data<Number, Number>> accuracy = new ArrayList<>();
        for (EvaluationPoint e : evaluations.subList(series.test.getData().size(), evaluations.size())) {
            test.add(point(e.examplesSeen(), e.testLoss(), hoverable(SeriesStyle.dot(run.color(), run.number()),
                    String.format(Locale.ROOT, "Run %d · %,d examples seen · test loss %.4f", run.number(),
                            e.examplesSeen(), e.testLoss()))));
            accuracy.add(point(e.examplesSeen(), e.testAccuracy(), hoverable(SeriesStyle.dot(run.color(),
                    run.number()), String.format(Locale.ROOT, "Run %d · %,d examples seen · test accuracy %.2f%%",
                    run.number(), e.examplesSeen(), 100 * e.testAccuracy()))));
        }
        series.test.getData().addAll(test);
        series.accuracy.getData().addAll(accuracy);
        List<RateChange> changes = run.rateChanges();
        for (RateChange change : changes.subList(series.markedRateChanges, changes.size())) {
            MarkedLineChart.Marker marker = new MarkedLineChart.Marker(change.examplesSeen(), run.color(), run.number(),
                    "lr " + NetworkSpec.formatNumber(change.learningRate()));
            if (!lossChart.markers().contains(marker)) {
                lossChart.markers().add(marker);
                accuracyChart.markers().add(marker);
            }
        }
        series.markedRateChanges = changes.size();
        if (diverged && !series.divergenceMarked && !run.trainLoss().isEmpty()) {
            MarkedLineChart.Marker blowUp = new MarkedLineChart.Marker(
                    run.trainLoss().get(run.trainLoss().size() - 1).examplesSeen(), run.color(), run.number(),
                    "run " + run.number() + " diverged");
            lossChart.markers().add(blowUp);
            series.divergenceMarked = true;
        }
    }

    /**
     * A diverged run's curve ends in its last raw batch losses: smoothing would flatten the blow-up
     * (a loss of 20 shows as 4), and that blow-up is the point of the plot. Losses that are no longer
     * numbers (NaN, infinite) cannot be drawn and are left out; the marker shows where the run stopped.
     */
    static List<LossPoint> withRawEnd(List<LossPoint> smoothed, List<LossPoint> raw) {
        List<LossPoint> end = raw.subList(Math.max(0, raw.size() - RAW_END_POINTS), raw.size()).stream()
                .filter(p -> Double.isFinite(p.loss())).toList();
        if (end.isEmpty()) return smoothed;
        long from = end.get(0).examplesSeen();
        List<LossPoint> out = new ArrayList<>(smoothed.stream().filter(p -> p.examplesSeen() < from).toList());
        out.addAll(end);
        return out;
    }

    private void draw(RecordedRun run) {
        if (drawn.containsKey(run)) return;
        RunSeries series = new RunSeries();
        series.train.setName("Run " + run.number() + " train loss");
        series.test.setName("Run " + run.number() + " test loss");
        series.accuracy.setName("Run " + run.number() + " test accuracy");
        lossChart.getData().addAll(series.train, series.test);
        accuracyChart.getData().add(series.accuracy);
        SeriesStyle.line(series.train, run.color(), false);
        SeriesStyle.line(series.test, run.color(), true);
        SeriesStyle.line(series.accuracy, run.color(), false);
        series.onRevision = (obs, old, now) -> refresh(run);
        run.revision().addListener(series.onRevision);
        series.onState = (obs, old, now) -> refresh(run);
        run.state().addListener(series.onState);
        drawn.put(run, series);
        refresh(run);
    }

    private void undraw(RecordedRun run) {
        RunSeries series = drawn.remove(run);
        if (series == null) return;
        run.revision().removeListener(series.onRevision);
        run.state().removeListener(series.onState);
        series.divergenceMarked = false;
        lossChart.getData().removeAll(series.train, series.test);
        accuracyChart.getData().remove(series.accuracy);
        // By number, not colour: the palette repeats after eight runs.
        lossChart.markers().removeIf(m -> m.run() == run.number());
        accuracyChart.markers().removeIf(m -> m.run() == run.number());
    }

    /** A test point shows its values when the mouse rests on it. */
    private static Node hoverable(Node dot, String values) {
        Tooltip tip = new Tooltip(values);
        tip.setShowDelay(javafx.util.Duration.millis(100));
        Tooltip.install(dot, tip);
        return dot;
    }

    private static XYChart.Data<Number, Number> point(double x, double y, Node symbol) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        d.setNode(symbol); // with createSymbols off, only points given a node get one
        return d;
    }

    private Node runList() {
        ListView<RecordedRun> list = new ListView<>(history.runs());
        list.setId("runList");
        list.setPrefHeight(130);
        list.setPlaceholder(Texts.hint("Finished and running trainings appear here, each in its own colour. "
                + "Train again with another learning rate to compare."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RecordedRun run, boolean empty) {
                super.updateItem(run, empty);
                if (empty || run == null) {
                    setGraphic(null);
                    textProperty().unbind();
                    setText(null);
                    return;
                }
                CheckBox show = new CheckBox();
                show.selectedProperty().bindBidirectional(run.visible());
                show.setTooltip(Texts.tip("Show or hide this run on the charts"));
                Node swatch = SeriesStyle.swatch(run.color(), run.number());
                Label label = new Label();
                label.textProperty().bind(run.label());
                // The label gives way (ending in "…", whole in its tooltip), never the Remove button.
                label.setMinWidth(0);
                label.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(label, Priority.ALWAYS);
                Tooltip full = new Tooltip();
                full.textProperty().bind(run.label());
                label.setTooltip(full);
                label.getStyleClass().add("elided-with-tooltip");
                Button remove = new Button("Remove");
                remove.getStyleClass().add("small-button");
                remove.disableProperty().bind(run.state().isEqualTo(RecordedRun.State.RUNNING));
                remove.setOnAction(e -> vm.remove(run));
                remove.setMinWidth(Region.USE_PREF_SIZE);
                HBox row = new HBox(8, show, swatch, label, remove);
                row.setMinWidth(0);
                row.setPrefWidth(0); // as wide as the list, not as its longest label: no sideways scrolling
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        return list;
    }

    private Node exportButtons() {
        Button png = new Button("Save charts as PNG…");
        png.setOnAction(e -> exportCharts());
        Button csv = new Button("Export runs as CSV…");
        csv.setOnAction(e -> exportRuns());
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(history.runs()));
        return new HBox(8, png, csv);
    }

    /** Asks where, then saves a picture of the charts: the button and File > Export charts…. */
    public void exportCharts() {
        Path target = exportTarget("Save charts", "charts.png", "PNG image", "*.png");
        if (target == null) return;
        WritableImage image = root.snapshot(null, null); // must happen on the FX thread
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        vm.savePng(argb, width, height, target);
    }

    /** Asks where, then writes every run's points as CSV: the button and File > Export runs…. */
    public void exportRuns() {
        if (history.runs().isEmpty()) return;
        Path target = exportTarget("Export runs", "runs.csv", "CSV table", "*.csv");
        if (target != null) vm.exportCsv(target);
    }

    /** Asks where to save an export; null when the user cancels. */
    private Path exportTarget(String title, String name, String kind, String pattern) {
        return dialogs.chooseExportTarget(root.getScene().getWindow(), title, name,
                new FileChooser.ExtensionFilter(kind, pattern));
    }

    private static MarkedLineChart chart(String title, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel("Examples seen");
        x.setTickLabelFormatter(new CompactNumbers()); // 10k, 12.5k: labels that never run together
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setLabel(title);
        y.setForceZeroInRange(true);
        MarkedLineChart chart = new MarkedLineChart(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        // Thousands of training-loss points must not each become a scene node: symbols are off,
        // and only test measurements get a dot (see point()).
        chart.setCreateSymbols(false);
        chart.setMinWidth(300);
        return chart;
    }
}
