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

/** The notebooks' experiments in the window: a validation split and early stopping, the range test, a sweep, and resuming a diverged run. */
@ExtendWith(ApplicationExtension.class)
class ExperimentsWindowTest {
    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        new LabApp(() -> small).start(stage);
    }

    @Test
    void aRunThatDivergesIsResumedAtHalfTheRateAsTheSameRunWithTheChangeMarked(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "1");
        // SGD at 50 blows up within the first epoch of these 3,000 images; from the start (the only
        // checkpoint yet), 25 no longer blows up, though it is still far too high to learn much.
        replaceText(robot, "#learningRateField", "50");
        robot.clickOn("#trainButton");

        ListView<RecordedRun> runs = robot.lookup("#runList").queryListView();
        waitUntil(() -> !runs.getItems().isEmpty()
                && runs.getItems().get(0).state().get() == RecordedRun.State.DIVERGED);
        RecordedRun run = runs.getItems().get(0);
        Button resume = robot.lookup("#resumeButton").queryAs(Button.class);
        waitUntil(resume::isVisible);
        assertTrue(resume.getText().startsWith("Halve the rate and resume from step "), resume.getText());
        long divergedAt = run.lastExamplesSeen();

        robot.clickOn("#resumeButton");
        waitUntil(() -> run.state().get() != RecordedRun.State.RUNNING && !train.isDisabled());
        assertEquals(1, runs.getItems().size(), "the same run went on, no new one");
        org.junit.jupiter.api.Assertions.assertSame(run, runs.getItems().get(0));
        assertEquals(25.0, run.rateChanges().get(run.rateChanges().size() - 1).learningRate(), 1e-12,
                run.rateChanges().toString());
        assertTrue(run.lastExamplesSeen() > divergedAt, "it trained on past where it blew up: " + run.label().get());
        assertEquals(RecordedRun.State.COMPLETED, run.state().get(), run.label().get());
        assertTrue(run.label().get().contains("→ lr 25"), run.label().get());
        LineChart<Number, Number> loss = robot.lookup("#lossChart").query();
        waitUntil(() -> !robot.lookup(n -> n instanceof javafx.scene.text.Text t && t.getText().equals("lr 25"))
                .queryAll().isEmpty());
        assertTrue(loss.getData().get(0).getData().size() > 0);
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

    @Test
    void theRangeTestPlotsTheLossAgainstTheRateAndItsSuggestionGoesIntoTheDesignerTouchingNoRun(FxRobot robot)
            throws Exception {
        Button find = robot.lookup("#findRateButton").queryAs(Button.class);
        waitUntil(() -> !find.isDisabled());
        ListView<RecordedRun> runs = robot.lookup("#runList").queryListView();
        int runsBefore = runs.getItems().size();
        replaceText(robot, "#batchField", "20"); // 3,000 images: a sweep of 150 steps
        robot.clickOn("#findRateButton");
        waitUntil(() -> robot.lookup("#rateFinderExplanation").tryQuery().isPresent()
                && !robot.lookup("#rateFinderExplanation").queryLabeled().getText().isEmpty());
        LineChart<Number, Number> chart = robot.lookup("#rateFinderChart").query();
        List<XYChart.Data<Number, Number>> curve = chart.getData().get(0).getData();
        assertTrue(curve.size() > 20, "a point per step: " + curve.size());
        assertEquals(-6.0, curve.get(0).getXValue().doubleValue(), 1e-9, "from 1e-6, on a log axis");
        String why = robot.lookup("#rateFinderExplanation").queryLabeled().getText();
        assertTrue(why.contains("falls fastest"), why);
        Button use = robot.lookup("#useSteepestRate").queryAs(Button.class);
        String suggested = use.getText().replaceFirst("^Use (\\S+) .*$", "$1");
        robot.clickOn("#useSteepestRate");
        waitUntil(() -> suggested.equals(robot.lookup("#learningRateField")
                .queryAs(javafx.scene.control.TextField.class).getText()));
        assertEquals(runsBefore, runs.getItems().size(), "the range test is not a run");
    }

    @Test
    void aSweepOfTwoRatesRunsThemOneAfterAnotherAndPlotsTheirAccuracyAgainstTheRate(FxRobot robot)
            throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "1");
        ListView<RecordedRun> runs = robot.lookup("#runList").queryListView();
        int runsBefore = runs.getItems().size();
        robot.clickOn("#compareRatesButton");
        replaceText(robot, "#sweepRates", "0.5,0.05");
        robot.clickOn("#startSweep");
        waitUntil(() -> robot.lookup("#sweepProgress").queryLabeled().getText().startsWith("Done"));
        assertEquals(runsBefore + 2, runs.getItems().size(), "both runs are in the run list");
        LineChart<Number, Number> summary = robot.lookup("#sweepChart").query();
        List<Double> rates = summary.getData().get(0).getData().stream()
                .map(p -> Math.rint(Math.pow(10, p.getXValue().doubleValue()) * 1000) / 1000).toList();
        assertEquals(List.of(0.05, 0.5), rates, "final test accuracy at each rate, on a log axis");
        for (XYChart.Data<Number, Number> p : summary.getData().get(0).getData()) {
            assertTrue(p.getYValue().doubleValue() > 0.3, "a trained network's accuracy: " + p.getYValue());
        }
    }

    /** As a user scrolls the designer down to its last rows. */
    private static void scrollDesignerToTheBottom(FxRobot robot) {
        javafx.scene.Node node = robot.lookup("#validationField").query();
        while (node != null && !(node instanceof javafx.scene.control.ScrollPane)) node = node.getParent();
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) node;
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
    }
}
