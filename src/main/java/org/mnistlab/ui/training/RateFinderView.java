package org.mnistlab.ui.training;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.mnistlab.training.RateFinding;
import org.mnistlab.ui.OwnedWindows;
import org.mnistlab.ui.Texts;
import org.mnistlab.ui.charts.LogTicks;
import org.mnistlab.ui.charts.RateFinderChart;

/**
 * The "Find a learning rate" button, and the window that shows what the range test found: the
 * plot, the sentence that says why, and a "Use this rate" button for each suggestion.
 */
public final class RateFinderView {
    private final RateFinderViewModel vm;
    private final Button button = new Button("Find rate");
    private final RateFinderChart chart = new RateFinderChart();
    private final Label explanation = new Label();
    private final Button useSteepest = new Button();
    private final Button useTenth = new Button();
    private Stage window;

    public RateFinderView(RateFinderViewModel vm) {
        this.vm = vm;
        button.setId("findRateButton");
        button.setTooltip(Texts.tip("Find a learning rate with the range test: trains a copy of this network for up to one epoch while "
                + "the learning rate grows from 0.000001 to 10, and plots the loss against the rate. The rate "
                + "where the loss falls fastest is a good one to train at. No run and no model is changed."));
        button.disableProperty().bind(vm.canFind().not());
        button.setOnAction(e -> vm.find());
        explanation.setId("rateFinderExplanation");
        explanation.setWrapText(true);
        explanation.setMaxWidth(560);
        useSteepest.setId("useSteepestRate");
        useTenth.setId("useTenthRate");
        vm.finding().addListener((obs, old, found) -> {
            if (found != null) show(found);
        });
    }

    /** True while a test runs. */
    javafx.beans.value.ObservableBooleanValue running() {
        return vm.running();
    }

    /** The button, for the training controls' row. */
    public Node button() {
        return button;
    }

    private void show(RateFinding found) {
        chart.show(found);
        explanation.setText(found.explanation());
        useSteepest.setVisible(found.suggests());
        useTenth.setVisible(found.suggests());
        if (found.suggests()) {
            useSteepest.setText("Use " + LogTicks.plain(found.steepest()) + " (steepest)");
            useSteepest.setOnAction(e -> vm.use(found.steepest()));
            useTenth.setText("Use " + LogTicks.plain(found.minimumTenth()) + " (minimum ÷ 10)");
            useTenth.setOnAction(e -> vm.use(found.minimumTenth()));
        }
        if (window == null) {
            HBox buttons = new HBox(8, useSteepest, useTenth);
            buttons.setAlignment(Pos.CENTER_LEFT);
            VBox root = new VBox(8, chart.node(), explanation, buttons);
            root.setPadding(new Insets(10));
            window = OwnedWindows.create(button, "Learning-rate range test", root);
        }
        window.show();
        window.toFront();
    }
}
