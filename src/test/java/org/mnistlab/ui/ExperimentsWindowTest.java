package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.replaceText;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.data.MnistData;
import org.mnistlab.ui.charts.RecordedRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The notebooks' experiments in the window: a validation split and early stopping. */
@ExtendWith(ApplicationExtension.class)
class ExperimentsWindowTest {
    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        new LabApp(() -> small).start(stage);
    }

    @Test
    void aValidationSplitDrawsTrainingValidationAndTestCurvesAndTheRunListNamesTheBestEpoch(FxRobot robot)
            throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "2");
        scrollDesignerToTheBottom(robot); // validation and patience are its last rows
        replaceText(robot, "#validationField", "500");
        replaceText(robot, "#patienceField", "1");
        waitUntil(() -> !train.isDisabled());
        robot.clickOn("#trainButton");

        ListView<RecordedRun> runs = robot.lookup("#runList").queryListView();
        try {
            waitUntil(() -> !runs.getItems().isEmpty()
                    && runs.getItems().get(0).state().get() != RecordedRun.State.RUNNING);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the run did not end: " + (runs.getItems().isEmpty() ? "no run"
                    : runs.getItems().get(0).label().get()), e);
        }
        assertEquals(RecordedRun.State.COMPLETED, runs.getItems().get(0).state().get(),
                runs.getItems().get(0).label().get());
        LineChart<Number, Number> loss = robot.lookup("#lossChart").query();
        LineChart<Number, Number> accuracy = robot.lookup("#accuracyChart").query();
        // "Run 1 train loss" → "train loss": the run's number depends on the runs already kept.
        List<String> lossCurves = loss.getData().stream().map(c -> c.getName().replaceFirst("^Run \\d+ ", ""))
                .toList();
        List<String> accuracyCurves = accuracy.getData().stream()
                .map(c -> c.getName().replaceFirst("^Run \\d+ ", "")).toList();
        assertEquals(List.of("train loss", "test loss", "validation loss"), lossCurves);
        assertEquals(List.of("test accuracy", "validation accuracy", "training accuracy"), accuracyCurves);
        for (XYChart.Series<Number, Number> series : accuracy.getData()) {
            assertTrue(series.getData().size() >= 2, series.getName() + " has a point per epoch at least");
        }
        String label = runs.getItems().get(0).label().get();
        assertTrue(label.contains("best validation accuracy ") && label.contains("% at epoch "), label);
        assertTrue(label.contains("best at epoch") || label.contains("kept its best epoch"), label);
    }

    /** As a user scrolls the designer down to its last rows. */
    private static void scrollDesignerToTheBottom(FxRobot robot) {
        javafx.scene.Node node = robot.lookup("#validationField").query();
        while (node != null && !(node instanceof javafx.scene.control.ScrollPane)) node = node.getParent();
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) node;
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
    }
}
