package org.mnistlab.ui.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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
import javafx.scene.control.RadioButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
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
import org.mnistlab.training.RatePoint;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.Texts;

/**
 * The learning curves: loss and test accuracy against examples seen or epochs, with faint lines
 * where epochs end, every run overlaid in its own colour, with the list of runs below (show,
 * hide, remove) and PNG/CSV export. Each run is redrawn when its {@link RecordedRun#revision}
 * changes, which training does at most ~30 times a second.
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
    /** The rate each run trained at, under the loss on the same x axis; its y axis is log10 of the rate. */
    private final MarkedLineChart rateChart = rateChart();
    private final Map<RecordedRun, RunSeries> drawn = new HashMap<>();
    private final Tooltip pointValues = new Tooltip();

    {
        pointValues.setShowDelay(javafx.util.Duration.millis(100));
    }
    private final VBox root = new VBox(8);
    /** The two charts side by side: what the PNG export pictures. */
    private final VBox lossAndRate = new VBox(0, lossChart, rateChart);
    private final HBox charts = new HBox(8, lossAndRate, accuracyChart);
    private static final String LINE_KEY = "Solid line: training loss (smoothed) · line with dots: test loss and "
            + "accuracy, a dot per epoch · "
            + "dashed: validation loss and accuracy · thin: training accuracy (on 5,000 training images) · "
            + "vertical line: learning rate changed · grey line: end of an epoch · dotted line: the run's best "
            + "epoch · under the loss: the learning rate each batch trained at (log scale), so a schedule and a "
            + "change by hand look alike";

    /** What one run puts on the charts: three curves, and how many of its rate changes are marked. */
    private static final class RunSeries {
        final XYChart.Series<Number, Number> train = new XYChart.Series<>();
        final XYChart.Series<Number, Number> test = new XYChart.Series<>();
        final XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
        /** Only for a run that holds validation images: validation loss and accuracy, training accuracy. */
        final XYChart.Series<Number, Number> validationLoss = new XYChart.Series<>();
        final XYChart.Series<Number, Number> validationAccuracy = new XYChart.Series<>();
        final XYChart.Series<Number, Number> trainAccuracy = new XYChart.Series<>();
        /** The learning rate, as log10, as a staircase. */
        final XYChart.Series<Number, Number> rate = new XYChart.Series<>();
        int markedRateChanges;
        boolean divergenceMarked;
        /** The line at the run's best epoch (kept by early stopping, or the best validation accuracy), or null. */
        MarkedLineChart.Marker bestMarker;
        ChangeListener<Number> onRevision;
        ChangeListener<RecordedRun.State> onState;
    }

    private final RunListViewModel runs;

    /** Without a run store: this session's runs only (the charts' own tests). */
    public ChartsView(ChartsViewModel vm, FileDialogs dialogs) {
        this(vm, new RunListViewModel(vm.history(), vm.context(), vm.executor()), dialogs);
    }

    public ChartsView(ChartsViewModel vm, RunListViewModel runs, FileDialogs dialogs) {
        this.vm = vm;
        this.runs = runs;
        this.history = vm.history();
        this.dialogs = dialogs;
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(lossAndRate, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        vm.logLossAxis().addListener((obs, was, log) -> relayLossAxis(log));
        Label legend = Texts.hint(LINE_KEY);
        legend.setMinHeight(Region.USE_PREF_SIZE); // wraps onto a second line rather than ending in "…"
        root.getChildren().addAll(charts, curveOptions(), legend, runTools(), runListAndDetails(), exportButtons());
        root.getStyleClass().add("charts");
        history.runs().addListener((ListChangeListener<RecordedRun>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::undraw);
                change.getAddedSubList().forEach(run -> {
                    run.visible().addListener((obs, was, visible) -> {
                        if (visible) draw(run); else undraw(run);
                    });
                    if (run.visible().get()) draw(run); // stored runs wait until they are ticked
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
        forgetRewound(run, series);
        List<XYChart.Data<Number, Number>> train = new ArrayList<>();
        List<LossPoint> shown = Decimation.toAtMost(run.smoothedLoss(), MAX_DRAWN_POINTS);
        boolean diverged = run.state().get() == RecordedRun.State.DIVERGED;
        if (diverged) shown = withRawEnd(shown, run.trainLoss());
        CurveAxis axis = vm.xAxis().get();
        for (LossPoint p : shown) {
            Double y = vm.lossOnAxis(p.loss());
            if (y != null) train.add(point(axis.x(p.examplesSeen(), run), y, null));
        }
        series.train.getData().setAll(train);
        // Test points are few and never change once measured: only the new ones are added.
        List<EvaluationPoint> evaluations = run.evaluations();
        List<XYChart.Data<Number, Number>> test = new ArrayList<>();
        List<XYChart.Data<Number, Number>> accuracy = new ArrayList<>();
        List<XYChart.Data<Number, Number>> validationLoss = new ArrayList<>();
        List<XYChart.Data<Number, Number>> validationAccuracy = new ArrayList<>();
        List<XYChart.Data<Number, Number>> trainAccuracy = new ArrayList<>();
        for (EvaluationPoint e : evaluations.subList(series.test.getData().size(), evaluations.size())) {
            double x = axis.x(e.examplesSeen(), run);
            // A dot, with its values on hover, at each epoch's end, as the course plots mark them;
            // the line also passes through the checks within an epoch. A dot for each of those too
            // (five an epoch) cost the FX thread ~130 ms when a 20-epoch past run was ticked.
            boolean dotted = e.endOfEpoch();
            String where = String.format(Locale.ROOT, "Run %d · epoch %d · %,d examples seen", run.number(), e.epoch(),
                    e.examplesSeen());
            test.add(point(x, axisLoss(e.testLoss()), !dotted ? null : hoverable(SeriesStyle.dot(run.color(), run.number()),
                    String.format(Locale.ROOT, "%s · test loss %.4f", where, e.testLoss()))));
            accuracy.add(point(x, e.testAccuracy(), !dotted ? null : hoverable(SeriesStyle.dot(run.color(),
                    run.number()), String.format(Locale.ROOT, "%s · test accuracy %.2f%%", where, 100 * e.testAccuracy()))));
            if (e.hasValidation()) {
                validationLoss.add(point(x, axisLoss(e.validationLoss()), null));
                validationAccuracy.add(point(x, e.validationAccuracy(), null));
                trainAccuracy.add(point(x, e.trainAccuracy(), null));
            }
        }
        series.test.getData().addAll(test);
        series.accuracy.getData().addAll(accuracy);
        series.validationLoss.getData().addAll(validationLoss);
        series.validationAccuracy.getData().addAll(validationAccuracy);
        series.trainAccuracy.getData().addAll(trainAccuracy);
        List<RateChange> changes = run.rateChanges();
        for (RateChange change : changes.subList(series.markedRateChanges, changes.size())) {
            MarkedLineChart.Marker marker = new MarkedLineChart.Marker(axis.x(change.examplesSeen(), run), run.color(),
                    run.number(),
                    "lr " + NetworkSpec.formatNumber(change.learningRate()));
            if (!lossChart.markers().contains(marker)) {
                lossChart.markers().add(marker);
                accuracyChart.markers().add(marker);
            }
        }
        series.markedRateChanges = changes.size();
        markBest(run, series, axis);
        drawRate(run, series, axis);
        if (diverged && !series.divergenceMarked && !run.trainLoss().isEmpty()) {
            MarkedLineChart.Marker blowUp = new MarkedLineChart.Marker(
                    axis.x(run.trainLoss().get(run.trainLoss().size() - 1).examplesSeen(), run), run.color(),
                    run.number(), "run " + run.number() + " diverged");
            lossChart.markers().add(blowUp);
            series.divergenceMarked = true;
        }
        markEpochEnds();
    }

    /**
     * A diverged run resumed from its checkpoint lost the points after it ({@link RecordedRun#rewindTo}):
     * those drawn go, and the marker where it diverged stays, the lesson of the run.
     */
    private void forgetRewound(RecordedRun run, RunSeries series) {
        if (series.test.getData().size() > run.evaluations().size()) {
            for (XYChart.Series<Number, Number> s : List.of(series.test, series.accuracy, series.validationLoss,
                    series.validationAccuracy, series.trainAccuracy)) {
                s.getData().clear();
            }
        }
        if (series.markedRateChanges > run.rateChanges().size()) {
            java.util.function.Predicate<MarkedLineChart.Marker> itsRates =
                    m -> m.run() == run.number() && m.label().startsWith("lr ");
            lossChart.markers().removeIf(itsRates);
            accuracyChart.markers().removeIf(itsRates);
            series.markedRateChanges = 0;
        }
        if (run.state().get() == RecordedRun.State.RUNNING) series.divergenceMarked = false; // a new blow-up gets its own
    }

    /**
     * A line at the run's best point: the epoch early stopping kept, or else the end of the epoch
     * with the best validation accuracy so far. It moves while the run goes on.
     */
    private void markBest(RecordedRun run, RunSeries series, CurveAxis axis) {
        EvaluationPoint best = bestPoint(run);
        MarkedLineChart.Marker marker = best == null ? null : new MarkedLineChart.Marker(axis.x(best.examplesSeen(), run),
                run.color(), run.number(), "run " + run.number() + " best: epoch " + best.epoch());
        if (java.util.Objects.equals(marker, series.bestMarker)) return;
        if (series.bestMarker != null) {
            lossChart.markers().remove(series.bestMarker);
            accuracyChart.markers().remove(series.bestMarker);
        }
        series.bestMarker = marker;
        if (marker != null) {
            lossChart.markers().add(marker);
            accuracyChart.markers().add(marker);
        }
    }

    /** The epoch early stopping kept, else the best validation accuracy; null for a run without validation. */
    static EvaluationPoint bestPoint(RecordedRun run) {
        if (run.restoredEpoch() > 0) {
            for (EvaluationPoint e : run.evaluations()) {
                if (e.endOfEpoch() && e.epoch() == run.restoredEpoch()) return e;
            }
        }
        return run.bestValidation();
    }

    /** A test or validation loss on the loss axis; one that cannot be drawn there sits at the axis' foot. */
    private double axisLoss(double loss) {
        Double y = vm.lossOnAxis(loss);
        return y != null ? y : vm.logLossAxis().get() ? -3 : 0;
    }

    /** Redraws every shown run on the loss axis, now linear or logarithmic. */
    private void relayLossAxis(boolean log) {
        NumberAxis y = (NumberAxis) lossChart.getYAxis();
        y.setForceZeroInRange(!log);
        y.setTickLabelFormatter(log ? new LogTicks() : null);
        y.setLabel(log ? "Loss (cross-entropy, log scale)" : "Loss (cross-entropy)");
        for (RecordedRun run : List.copyOf(drawn.keySet())) {
            undraw(run);
            draw(run);
        }
    }

    /** The run's rate staircase, up to its newest batch, on the rate chart's log10 axis. */
    private void drawRate(RecordedRun run, RunSeries series, CurveAxis axis) {
        long end = run.trainLoss().isEmpty() ? 0 : run.trainLoss().get(run.trainLoss().size() - 1).examplesSeen();
        List<XYChart.Data<Number, Number>> rate = new ArrayList<>();
        for (RatePoint p : RateCurve.corners(run.learningRates(), end, MAX_DRAWN_POINTS)) {
            if (p.learningRate() > 0) rate.add(point(axis.x(p.examplesSeen(), run), Math.log10(p.learningRate()), null));
        }
        series.rate.getData().setAll(rate);
        fitRateAxis();
    }

    /**
     * Whole decades around every drawn rate, at most {@value #RATE_DECADES} below the highest: a
     * cosine's last steps near 0 would otherwise stretch the axis without end.
     */
    private void fitRateAxis() {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (RunSeries s : drawn.values()) {
            for (XYChart.Data<Number, Number> d : s.rate.getData()) {
                max = Math.max(max, d.getYValue().doubleValue());
                min = Math.min(min, d.getYValue().doubleValue());
            }
        }
        if (max == Double.NEGATIVE_INFINITY) return;
        NumberAxis y = (NumberAxis) rateChart.getYAxis();
        double upper = Math.ceil(max - 1e-9); // 0.1 is the top of its decade, not the foot of the next
        double lower = Math.max(Math.floor(min + 1e-9), upper - RATE_DECADES);
        if (lower == upper) { // one rate, exactly a power of ten: a decade either side
            lower--;
            upper++;
        }
        y.setUpperBound(upper);
        y.setLowerBound(lower);
    }

    /** The faint lines where the shown runs' epochs end; set only when they moved, as they rarely do. */
    private void markEpochEnds() {
        List<Double> ends = vm.xAxis().get().epochBoundaries(drawn.keySet());
        for (MarkedLineChart chart : List.of(lossChart, accuracyChart)) {
            if (!chart.boundaries().equals(ends)) chart.boundaries().setAll(ends);
        }
    }

    /** Whether the x axis counts examples seen or epochs; switching redraws every shown run in the new unit. */
    private Node curveOptions() {
        ToggleGroup group = new ToggleGroup();
        RadioButton examples = new RadioButton(CurveAxis.EXAMPLES.label());
        examples.setId("examplesAxis");
        examples.setUserData(CurveAxis.EXAMPLES);
        RadioButton epochs = new RadioButton(CurveAxis.EPOCHS.label());
        epochs.setId("epochsAxis");
        epochs.setUserData(CurveAxis.EPOCHS);
        epochs.setTooltip(Texts.tip("Counts the x axis in passes over the training images, as the course plots do"));
        group.getToggles().addAll(examples, epochs);
        group.selectToggle(vm.xAxis().get() == CurveAxis.EPOCHS ? epochs : examples);
        group.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) group.selectToggle(old); // one of the two is always chosen
            else vm.xAxis().set((CurveAxis) chosen.getUserData());
        });
        vm.xAxis().addListener((obs, old, axis) -> {
            for (MarkedLineChart chart : List.of(lossChart, accuracyChart)) chart.getXAxis().setLabel(axis.label());
            List<RecordedRun> shown = List.copyOf(drawn.keySet());
            shown.forEach(this::undraw);
            shown.forEach(this::draw);
            markEpochEnds();
        });
        HBox options = new HBox(8, new Label("x axis:"), examples, epochs);
        options.setAlignment(Pos.CENTER_LEFT);
        return options;
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
        if (!run.pointsLoaded()) {
            // A past run just ticked: its points are being read. Adding its empty series now would
            // cost the charts a layout pass for nothing, and the points then wait behind it.
            drawWhenLoaded(run);
            return;
        }
        RunSeries series = new RunSeries();
        series.train.setName("Run " + run.number() + " train loss");
        series.test.setName("Run " + run.number() + " test loss");
        series.accuracy.setName("Run " + run.number() + " test accuracy");
        lossChart.getData().addAll(series.train, series.test);
        accuracyChart.getData().add(series.accuracy);
        series.rate.setName("Run " + run.number() + " learning rate");
        rateChart.getData().add(series.rate);
        SeriesStyle.line(series.rate, run.color(), false);
        SeriesStyle.line(series.train, run.color(), false);
        SeriesStyle.line(series.test, run.color(), true);
        SeriesStyle.line(series.accuracy, run.color(), false);
        if (run.spec().validates()) {
            series.validationLoss.setName("Run " + run.number() + " validation loss");
            series.validationAccuracy.setName("Run " + run.number() + " validation accuracy");
            series.trainAccuracy.setName("Run " + run.number() + " training accuracy");
            lossChart.getData().add(series.validationLoss);
            accuracyChart.getData().addAll(series.validationAccuracy, series.trainAccuracy);
            SeriesStyle.line(series.validationLoss, run.color(), true);
            SeriesStyle.line(series.validationAccuracy, run.color(), true);
            SeriesStyle.faint(series.trainAccuracy, run.color());
        }
        series.onRevision = (obs, old, now) -> refresh(run);
        run.revision().addListener(series.onRevision);
        series.onState = (obs, old, now) -> refresh(run);
        run.state().addListener(series.onState);
        drawn.put(run, series);
        refresh(run);
    }

    private void drawWhenLoaded(RecordedRun run) {
        ChangeListener<Number> loaded = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number old, Number now) {
                if (!run.pointsLoaded()) return;
                run.revision().removeListener(this);
                if (run.visible().get()) draw(run);
            }
        };
        run.revision().addListener(loaded);
    }

    private void undraw(RecordedRun run) {
        RunSeries series = drawn.remove(run);
        if (series == null) return;
        run.revision().removeListener(series.onRevision);
        run.state().removeListener(series.onState);
        series.divergenceMarked = false;
        series.bestMarker = null;
        lossChart.getData().removeAll(series.train, series.test, series.validationLoss);
        accuracyChart.getData().removeAll(series.accuracy, series.validationAccuracy, series.trainAccuracy);
        rateChart.getData().remove(series.rate);
        fitRateAxis();
        // By number, not colour: the palette repeats after eight runs.
        lossChart.markers().removeIf(m -> m.run() == run.number());
        accuracyChart.markers().removeIf(m -> m.run() == run.number());
        markEpochEnds();
    }

    /**
     * A test point shows its values when the mouse rests on it. One tooltip serves every point,
     * its text set on entry: points arrive during training, and the FX thread then has no time for
     * a new popup per point.
     */
    private Node hoverable(Node dot, String values) {
        Tooltip.install(dot, pointValues);
        dot.setOnMouseEntered(e -> pointValues.setText(values));
        return dot;
    }

    private static XYChart.Data<Number, Number> point(double x, double y, Node symbol) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        d.setNode(symbol); // with createSymbols off, only points given a node get one
        return d;
    }

    /** The filter box, and what acts on the list as a whole. */
    private Node runTools() {
        TextField filter = new TextField();
        filter.setId("runFilter");
        filter.setPromptText("Filter runs: name, note, settings (e.g. adam 0.01)");
        filter.setTooltip(Texts.tip("Shows only the runs whose name, note or settings contain every word typed here"));
        filter.textProperty().bindBidirectional(runs.filter());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button undo = new Button("Undo delete");
        undo.setId("undoDelete");
        undo.disableProperty().bind(runs.canUndo().not());
        undo.setOnAction(e -> runs.undoDelete());
        Button importRuns = new Button("Import runs…");
        importRuns.setId("importRuns");
        importRuns.setTooltip(Texts.tip("Adds the runs of a file exported by this or another lab (a teacher's lesson)"));
        importRuns.setOnAction(e -> {
            Path source = dialogs.chooseRunsToImport(root.getScene().getWindow());
            if (source != null) runs.importFrom(source);
        });
        Button compare = new Button("Compare settings…");
        compare.setId("compareSettings");
        compare.setTooltip(Texts.tip("A table of every listed run's settings, with the columns that differ "
                + "highlighted"));
        compare.setOnAction(e -> showSettingsTable());
        HBox tools = new HBox(8, filter, undo, compare, importRuns);
        tools.setAlignment(Pos.CENTER_LEFT);
        return tools;
    }

    private javafx.stage.Stage settingsWindow;

    /** The settings table in a window of its own beside the lab, opened once and brought forward after. */
    private void showSettingsTable() {
        if (settingsWindow == null) {
            settingsWindow = org.mnistlab.ui.OwnedWindows.create(root, "Settings of the runs",
                    (javafx.scene.Parent) new SettingsTableView(runs).node());
        }
        settingsWindow.show();
        settingsWindow.toFront();
    }

    private Node runListAndDetails() {
        ListView<RecordedRun> list = new ListView<>(runs.shown());
        list.setId("runList");
        list.setPrefHeight(170);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> runs.select(run));
        Label placeholder = new Label("Finished and running trainings appear here, each in its own colour, and stay "
                + "for the next time the lab starts. Tick a run to see its curves.");
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        list.setCellFactory(view -> new RunCell());
        selectedForExport = list.getSelectionModel().getSelectedItems();
        HBox.setHgrow(list, Priority.ALWAYS);
        Region details = new RunDetailsView(runs).node();
        HBox box = new HBox(8, list, details);
        // The details take a share of the width, not a fixed 360 px: at 1024 px that left the list
        // about 100 px, and every run's label read "Ru…".
        details.prefWidthProperty().bind(box.widthProperty().multiply(0.38));
        return box;
    }

    private javafx.collections.ObservableList<RecordedRun> selectedForExport;

    /** One run in the list: tick to show it, its colour and label, Open model and Delete. */
    private final class RunCell extends ListCell<RecordedRun> {
        @Override
        protected void updateItem(RecordedRun run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            CheckBox show = new CheckBox();
            show.selectedProperty().bindBidirectional(run.visible());
            show.setTooltip(Texts.tip("Show or hide this run on the charts"));
            Node swatch = SeriesStyle.swatch(run.color(), run.number());
            Label label = new Label();
            label.textProperty().bind(run.label());
            // The label gives way (ending in "…") so that the buttons stay in view; its tooltip has it all.
            label.setMinWidth(0);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(run.label());
            label.setTooltip(whole);
            label.getStyleClass().add("elided-with-tooltip");
            Button model = new Button("Open model");
            model.getStyleClass().add("small-button");
            model.setTooltip(Texts.tip("This run kept its trained network: selecting the run, or this button, makes "
                    + "it the one the drawing pad and the samples use"));
            model.setOnAction(e -> runs.openModel(run));
            // Which runs kept their network is said in the list: the button, or a word where it is missing.
            Label noModel = Texts.hint("no network kept");
            noModel.setTooltip(Texts.tip("The run ended before its first epoch did, or was not recorded: there is "
                    + "no trained network to open"));
            javafx.beans.binding.BooleanBinding kept = javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> RunListViewModel.keptNetwork(run), run.state(), run.stored());
            model.visibleProperty().bind(kept);
            model.managedProperty().bind(kept);
            noModel.visibleProperty().bind(kept.not().and(run.state().isNotEqualTo(RecordedRun.State.RUNNING)));
            noModel.managedProperty().bind(noModel.visibleProperty());
            noModel.setMinWidth(Region.USE_PREF_SIZE);
            Button delete = new Button("Delete");
            delete.getStyleClass().add("small-button");
            delete.setTooltip(Texts.tip("Deletes the run; Undo delete brings it back until the window closes"));
            delete.disableProperty().bind(run.state().isEqualTo(RecordedRun.State.RUNNING));
            delete.setOnAction(e -> runs.delete(run));
            model.setMinWidth(Region.USE_PREF_SIZE);
            delete.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(8, show, swatch, label, model, noModel, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0); // as wide as the list, never wider: no sideways scrolling
            setGraphic(row);
        }
    }

    private Node exportButtons() {
        Button png = new Button("Save charts as PNG…");
        png.setTooltip(Texts.tip("Saves the two charts and a legend of their runs, at twice the screen's size, "
                + "for a report or a slide"));
        png.setOnAction(e -> exportCharts());
        Button csv = new Button("Export runs as CSV…");
        csv.setOnAction(e -> exportRuns());
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(history.runs()));
        Button export = new Button("Export selected runs…");
        export.setId("exportRuns");
        export.setTooltip(Texts.tip("Saves the selected runs (curves, settings, models) as one file that another "
                + "copy of the lab imports"));
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(selectedForExport));
        export.setOnAction(e -> {
            Path target = exportTarget("Export runs", "lesson.mnistlab-runs", "MNIST Lab runs", "*.mnistlab-runs");
            if (target != null) runs.export(List.copyOf(selectedForExport), target);
        });
        CheckBox logLoss = new CheckBox("Log scale for the loss");
        logLoss.setId("logLossAxis");
        logLoss.setTooltip(Texts.tip("Draws the loss on a logarithmic axis: the small gains of later epochs "
                + "stay visible, and a run that blows up does not squash the others flat"));
        logLoss.selectedProperty().bindBidirectional(vm.logLossAxis());
        HBox buttons = new HBox(8, png, csv, export, logLoss);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    /** Asks where, then saves a picture of the charts: the button and File > Export charts…. */
    public void exportCharts() {
        Path target = exportTarget("Save charts", "charts.png", "PNG image", "*.png");
        if (target == null) return;
        ChartPicture.Pixels picture = chartPicture(); // must happen on the FX thread
        vm.savePng(picture.argb(), picture.width(), picture.height(), target);
    }

    /** The charts and a legend of the runs on them, at twice the screen's scale. */
    ChartPicture.Pixels chartPicture() {
        return ChartPicture.take(charts, pictured(), LINE_KEY, root.getScene().getStylesheets());
    }

    /** The runs the picture's legend names: those on the charts, in the order they were started. */
    List<RecordedRun> pictured() {
        return history.runs().stream().filter(drawn::containsKey).toList();
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

    /** Decades the rate chart shows at most, below the highest rate drawn. */
    static final int RATE_DECADES = 4;

    /** A low chart without a title: it shares the loss chart's x axis units and sits right under it. */
    private static MarkedLineChart rateChart() {
        MarkedLineChart chart = chart("Learning rate", "rateChart");
        chart.setTitle(null);
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setLabel("Rate");
        y.setForceZeroInRange(false);
        y.setAutoRanging(false);
        y.setLowerBound(-2);
        y.setUpperBound(0);
        y.setTickUnit(1);
        y.setTickLabelFormatter(new LogTicks());
        chart.getXAxis().setLabel(null);
        chart.setPrefHeight(130);
        chart.setMinHeight(110);
        chart.setMaxHeight(150);
        return chart;
    }

    private static MarkedLineChart chart(String title, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel(CurveAxis.EXAMPLES.label());
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
