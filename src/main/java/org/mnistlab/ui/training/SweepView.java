package org.mnistlab.ui.training;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.mnistlab.ui.OwnedWindows;
import org.mnistlab.ui.Texts;
import org.mnistlab.ui.charts.SweepChart;

/**
 * The "Compare learning rates…" button and its window: the rates to try, Start and Cancel, where
 * the queue is, and the summary plot of final and best validation accuracy against the rate.
 */
public final class SweepView {
    private final SweepViewModel vm;
    private final Button open = new Button("Sweep…");
    private final SweepChart chart = new SweepChart();
    private Stage window;

    public SweepView(SweepViewModel vm) {
        this.vm = vm;
        open.setId("compareRatesButton");
        open.setTooltip(Texts.tip("Compare learning rates: trains the designer's network once per learning rate, one run after another, "
                + "and plots each run's accuracy against its rate"));
        open.setOnAction(e -> show());
        vm.results().addListener((ListChangeListener<SweepViewModel.Result>) change -> redraw());
    }

    public Node button() {
        return open;
    }

    private void redraw() {
        chart.show(vm.results().stream().map(r -> new SweepChart.Point(r.rate(), r.finalTestAccuracy(),
                r.bestValidationAccuracy())).toList());
    }

    private void show() {
        if (window == null) {
            TextField rates = new TextField();
            rates.setId("sweepRates");
            rates.textProperty().bindBidirectional(vm.rates());
            rates.setTooltip(Texts.tip("A list, 0.5,0.05,0.005, or FROM:TO:N for N rates spaced evenly on a log "
                    + "scale (0.001:1:4 is 0.001, 0.01, 0.1, 1); 2 to 20 rates"));
            HBox.setHgrow(rates, Priority.ALWAYS);
            Button start = new Button("Start");
            start.setId("startSweep");
            start.disableProperty().bind(vm.running());
            start.setOnAction(e -> vm.start());
            Button cancel = new Button("Cancel");
            cancel.setId("cancelSweep");
            cancel.disableProperty().bind(vm.running().not());
            cancel.setOnAction(e -> vm.cancel());
            HBox row = new HBox(8, new Label("Learning rates"), rates, start, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            Label problem = new Label();
            problem.setId("sweepProblem");
            problem.getStyleClass().add("blocked-reason");
            problem.textProperty().bind(vm.problem());
            problem.setWrapText(true);
            Label progress = new Label();
            progress.setId("sweepProgress");
            progress.textProperty().bind(vm.progress());
            VBox root = new VBox(8, row, problem, progress, chart.node(),
                    Texts.hint("The other settings are the designer's. Each run also appears on the learning "
                            + "curves and in the run list."));
            root.setPadding(new Insets(10));
            window = OwnedWindows.create(open, "Compare learning rates", root);
        }
        window.show();
        window.toFront();
    }
}
