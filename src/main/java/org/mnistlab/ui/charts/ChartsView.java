package org.mnistlab.ui.charts;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.util.converter.PercentageStringConverter;
import javax.imageio.ImageIO;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.ui.Background;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.Texts;

/**
 * The learning curves: loss and test accuracy against examples seen, every run overlaid in its
 * own colour, with the list of runs below (show, hide, remove) and PNG/CSV export.
 */
public final class ChartsView {
    /** Points per drawn curve; the raw curve stays in the {@link Run}. */
    static final int MAX_DRAWN_POINTS = 400;

    private final RunHistory history;
    private final LabContext context;
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
    private final Map<Run, RunSeries> drawn = new HashMap<>();
    private final VBox root = new VBox(8);

    /** What one run puts on the charts: three curves, and how many of its rate changes are marked. */
    private static final class RunSeries {
        final XYChart.Series<Number, Number> train = new XYChart.Series<>();
        final XYChart.Series<Number, Number> test = new XYChart.Series<>();
        final XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
        int markedRateChanges;
    }

    public ChartsView(RunHistory history, LabContext context) {
        this.history = history;
        this.context = context;
        HBox charts = new HBox(8, lossChart, accuracyChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label legend = Texts.hint("Solid line: training loss (smoothed) · dots: test loss and accuracy · "
                + "vertical line: learning rate changed");
        root.getChildren().addAll(charts, legend, runList(), exportButtons());
        root.getStyleClass().add("charts");
        history.runs().addListener((ListChangeListener<Run>) change -> {
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
     * rate markers (called at most ~30 times a second).
     */
    public void refresh(Run run) {
        RunSeries series = drawn.get(run);
        if (series == null) return;
        List<XYChart.Data<Number, Number>> train = new ArrayList<>();
        for (double[] p : Decimation.toAtMost(run.smoothedLoss(), MAX_DRAWN_POINTS)) {
            train.add(point(p[0], p[1], null));
        }
        series.train.getData().setAll(train);
        // Test points are few and never change once measured: only the new ones are added.
        List<EvaluationPoint> evaluations = run.evaluations();
        List<XYChart.Data<Number, Number>> test = new ArrayList<>();
        List<XYChart.Data<Number, Number>> accuracy = new ArrayList<>();
        for (EvaluationPoint e : evaluations.subList(series.test.getData().size(), evaluations.size())) {
            test.add(point(e.examplesSeen(), e.testLoss(), SeriesStyle.dot(run.color())));
            accuracy.add(point(e.examplesSeen(), e.testAccuracy(), SeriesStyle.dot(run.color())));
        }
        series.test.getData().addAll(test);
        series.accuracy.getData().addAll(accuracy);
        List<double[]> changes = run.rateChanges();
        for (double[] change : changes.subList(series.markedRateChanges, changes.size())) {
            MarkedLineChart.Marker marker = new MarkedLineChart.Marker(change[0], run.color(), run.number());
            if (!lossChart.markers().contains(marker)) {
                lossChart.markers().add(marker);
                accuracyChart.markers().add(marker);
            }
        }
        series.markedRateChanges = changes.size();
    }

    private void draw(Run run) {
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
        drawn.put(run, series);
        refresh(run);
    }

    private void undraw(Run run) {
        RunSeries series = drawn.remove(run);
        if (series == null) return;
        lossChart.getData().removeAll(series.train, series.test);
        accuracyChart.getData().remove(series.accuracy);
        // By number, not colour: the palette repeats after eight runs.
        lossChart.markers().removeIf(m -> m.run() == run.number());
        accuracyChart.markers().removeIf(m -> m.run() == run.number());
    }

    private static XYChart.Data<Number, Number> point(double x, double y, Node symbol) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        d.setNode(symbol); // with createSymbols off, only points given a node get one
        return d;
    }

    private Node runList() {
        ListView<Run> list = new ListView<>(history.runs());
        list.setId("runList");
        list.setPrefHeight(130);
        list.setPlaceholder(new Label("Finished and running trainings appear here, each in its own colour. "
                + "Train again with another learning rate to compare."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Run run, boolean empty) {
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
                Rectangle swatch = new Rectangle(14, 14, run.color());
                Label label = new Label();
                label.textProperty().bind(run.label());
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button remove = new Button("Remove");
                remove.getStyleClass().add("small-button");
                remove.disableProperty().bind(run.state().isEqualTo(Run.State.RUNNING));
                remove.setOnAction(e -> history.remove(run));
                HBox row = new HBox(8, show, swatch, label, spacer, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        return list;
    }

    private Node exportButtons() {
        Button png = new Button("Save charts as PNG…");
        png.setOnAction(e -> savePng());
        Button csv = new Button("Export runs as CSV…");
        csv.setOnAction(e -> saveCsv());
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(history.runs()));
        return new HBox(8, png, csv);
    }

    private void savePng() {
        File file = exportTarget("Save charts", "charts.png", "PNG image", "*.png");
        if (file == null) return;
        WritableImage image = root.snapshot(null, null); // must happen on the FX thread
        runInBackground(new Task<Void>() {
            @Override
            protected Void call() throws Exception {
                org.mnistlab.storage.AtomicFile.write(file.toPath(),
                        temp -> ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", temp.toFile()));
                return null;
            }
        }, "Saved the charts to " + file);
    }

    private void saveCsv() {
        File file = exportTarget("Export runs", "runs.csv", "CSV table", "*.csv");
        if (file == null) return;
        runInBackground(Background.task(csvExport(history.runs(), file.toPath())),
                "Exported " + history.runs().size() + " runs to " + file);
    }

    /**
     * The CSV export as work for another thread. The runs are copied now, on the FX thread: a
     * running run keeps growing while the file is written.
     */
    static Callable<Void> csvExport(List<Run> runs, Path target) {
        List<Run> copies = runs.stream().map(Run::snapshot).toList();
        return () -> {
            RunHistory.writeCsv(copies, target);
            return null;
        };
    }

    private void runInBackground(Task<Void> task, String done) {
        Background.start(task, "lab-export", nothing -> context.notice().set(done),
                error -> context.report("Could not save", error));
    }

    /** Asks where to save an export; null when the user cancels. */
    private File exportTarget(String title, String name, String kind, String pattern) {
        Path target = context.dialogs().chooseExportTarget(root.getScene().getWindow(), title, name,
                new FileChooser.ExtensionFilter(kind, pattern));
        return target == null ? null : target.toFile();
    }

    private static MarkedLineChart chart(String title, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel("Examples seen");
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
