package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;
import org.mnistlab.training.RatePoint;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.LabContext;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The learning-curve panel on its own, fed runs directly instead of by training. */
@ExtendWith(ApplicationExtension.class)
class ChartsViewTest {
    private final RunHistory history = new RunHistory();
    private ChartsView charts;
    private ChartsViewModel vm;

    @Start
    void start(Stage stage) {
        LabContext context = new LabContext(FileDialogs.SYSTEM);
        vm = new ChartsViewModel(history, context, new CurrentThreadTaskExecutor());
        charts = new ChartsView(vm, context.dialogs());
        stage.setScene(new Scene(new StackPane(charts.node()), 900, 600));
        stage.show();
    }

    @Test
    void hidingOrRemovingARunTakesOnlyItsOwnRateMarkers(FxRobot robot) {
        // Nine runs, each with a learning-rate change at 1,000 × its number. The palette has eight
        // colours, so run 9 has run 1's.
        robot.interact(() -> {
            for (int i = 1; i <= 9; i++) {
                RecordedRun run = history.start(NetworkSpec.defaults());
                run.append(List.of(), List.of(), List.of(new RateChange(1000 * i, 0.01)));
                charts.refresh(run);
            }
        });
        MarkedLineChart loss = robot.lookup("#lossChart").query();
        MarkedLineChart accuracy = robot.lookup("#accuracyChart").query();
        assertEquals(List.of(1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0, 9000.0), xs(loss));

        RecordedRun ninth = history.runs().get(8);
        robot.interact(() -> ninth.visible().set(false));
        assertEquals(List.of(1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0), xs(loss));
        robot.interact(() -> ninth.visible().set(true));
        assertEquals(9, xs(loss).size(), "shown again, run 9 is drawn again with its marker");
        robot.interact(() -> history.remove(ninth));
        assertEquals(List.of(1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0), xs(loss));
        assertEquals(xs(loss), xs(accuracy));
    }

    @Test
    void eachTestMeasurementAndRateChangeIsDrawnOnceWhateverTheFramesItArrivesIn(FxRobot robot) {
        robot.interact(() -> {
            RecordedRun run = history.start(NetworkSpec.defaults());
            for (int frame = 1; frame <= 4; frame++) {
                List<EvaluationPoint> measured = frame == 3 ? List.of() : List.of(evaluation(2 * frame - 1),
                        evaluation(2 * frame));
                run.append(List.of(new LossPoint(frame * 100, 1.0 / frame)), measured,
                        List.of(new RateChange(frame * 100, 0.01 * frame)));
                charts.refresh(run);
            }
            charts.refresh(run); // a frame with nothing new
        });
        LineChart<Number, Number> loss = robot.lookup("#lossChart").query();
        LineChart<Number, Number> accuracy = robot.lookup("#accuracyChart").query();
        List<Double> expected = List.of(100.0, 200.0, 300.0, 400.0, 700.0, 800.0);
        assertEquals(expected, xs(loss.getData().get(1)), "test loss");
        assertEquals(expected, xs(accuracy.getData().get(0)), "test accuracy");
        assertEquals(List.of(100.0, 200.0, 300.0, 400.0), xs((MarkedLineChart) loss));
    }

    @Test
    void aDivergedRunEndsInItsRawLossesWithAMarkWhereItStopped(FxRobot robot) {
        RecordedRun[] run = new RecordedRun[1];
        robot.interact(() -> {
            run[0] = history.start(NetworkSpec.defaults());
            List<LossPoint> losses = new java.util.ArrayList<>();
            for (int i = 1; i <= 200; i++) losses.add(new LossPoint(100L * i, 2.0));
            losses.add(new LossPoint(20_100, 8.0));
            losses.add(new LossPoint(20_200, 20.5));
            losses.add(new LossPoint(20_300, Double.NaN));
            run[0].append(losses, List.of(), List.of());
            run[0].finishAs(RecordedRun.State.DIVERGED);
        });
        LineChart<Number, Number> loss = robot.lookup("#lossChart").query();
        List<XYChart.Data<Number, Number>> train = loss.getData().get(0).getData();
        double peak = train.stream().mapToDouble(p -> p.getYValue().doubleValue()).max().orElseThrow();
        assertEquals(20.5, peak, 1e-9, "the smoothed curve alone would peak near 3");
        assertEquals(20_200.0, train.get(train.size() - 1).getXValue().doubleValue(), "NaN is left out");
        MarkedLineChart marked = (MarkedLineChart) loss;
        assertEquals(List.of("run 1 diverged"), marked.markers().stream().map(MarkedLineChart.Marker::label).toList());
        assertEquals(20_300.0, marked.markers().get(0).x(), "marked where the run stopped");
    }

    @Test
    void theEpochAxisPlacesEveryPointAndMarkerInEpochsWithFaintLinesWhereEpochsEnd(FxRobot robot) {
        robot.interact(() -> {
            // 1,000 images an epoch, three epochs and a half; the rate changed half-way through epoch 2.
            RecordedRun run = history.start(NetworkSpec.defaults(), 1000);
            List<LossPoint> losses = new java.util.ArrayList<>();
            for (int i = 1; i <= 35; i++) losses.add(new LossPoint(100L * i, 1.0));
            run.append(losses, List.of(new EvaluationPoint(1, 10, 1000, 0.5, 0.8, true),
                    new EvaluationPoint(2, 10, 2000, 0.4, 0.85, true)), List.of(new RateChange(1500, 0.01)));
        });
        MarkedLineChart loss = robot.lookup("#lossChart").query();
        MarkedLineChart accuracy = robot.lookup("#accuracyChart").query();
        assertEquals(List.of(1000.0, 2000.0, 3000.0), loss.boundaries(), "examples: each epoch's end");

        robot.clickOn("#epochsAxis");
        assertEquals(CurveAxis.EPOCHS, vm.xAxis().get());
        assertEquals("Epochs", loss.getXAxis().getLabel());
        assertEquals(List.of(1.0, 2.0, 3.0), loss.boundaries());
        assertEquals(loss.boundaries(), accuracy.boundaries());
        List<Double> train = xs(loss.getData().get(0));
        assertEquals(0.1, train.get(0), 1e-9);
        assertEquals(3.5, train.get(train.size() - 1), 1e-9);
        assertEquals(List.of(1.0, 2.0), xs(accuracy.getData().get(0)), "test accuracy at each epoch's end");
        assertEquals(List.of(1.5), xs(loss), "the rate change half-way through epoch 2");

        robot.clickOn("#examplesAxis");
        assertEquals(List.of(1500.0), xs(loss));
        assertEquals(3500.0, xs(loss.getData().get(0)).get(34), 1e-9);
    }

    @Test
    void runsWithShorterEpochsGetTheirOwnBoundariesOnTheExamplesAxis(FxRobot robot) {
        robot.interact(() -> {
            RecordedRun all = history.start(NetworkSpec.defaults(), 1000);
            all.append(List.of(new LossPoint(2000, 1.0)), List.of(), List.of());
            RecordedRun heldOut = history.start(NetworkSpec.defaults(), 800); // 200 held out for validation
            heldOut.append(List.of(new LossPoint(2000, 1.0)), List.of(), List.of());
        });
        MarkedLineChart loss = robot.lookup("#lossChart").query();
        assertEquals(List.of(800.0, 1000.0, 1600.0, 2000.0), loss.boundaries());
        robot.clickOn("#epochsAxis");
        assertEquals(List.of(1.0, 2.0), loss.boundaries(), "on the epoch axis both end at whole epochs");
    }

    @Test
    void theSavedPictureIsTheTwoChartsAndALegendOfTheShownRunsAtTwiceTheScale(FxRobot robot) {
        robot.interact(() -> {
            history.start(NetworkSpec.defaults(), 1000).append(List.of(new LossPoint(500, 1.0)), List.of(), List.of());
            RecordedRun hidden = history.start(NetworkSpec.defaults(), 1000);
            hidden.visible().set(false);
        });
        ChartPicture.Pixels[] picture = new ChartPicture.Pixels[1];
        robot.interact(() -> picture[0] = charts.chartPicture());
        javafx.scene.Node loss = robot.lookup("#lossChart").query();
        javafx.scene.Node row = loss.getParent().getParent(); // the loss sits over the rate chart, beside accuracy
        double legendHeight = (picture[0].height() - 2 * row.getLayoutBounds().getHeight()) / 2;
        assertEquals(Math.ceil(2 * row.getLayoutBounds().getWidth()), picture[0].width(), 1);
        // Below the charts: one line for the shown run and the key, not the run list and buttons (≥ 250 px).
        org.junit.jupiter.api.Assertions.assertTrue(legendHeight > 20 && legendHeight < 120, "legend " + legendHeight);
        assertEquals(history.runs().subList(0, 1), charts.pictured(), "the hidden run is not in the legend");
        assertEquals(0xFFFFFFFF, picture[0].argb()[picture[0].argb().length - 1], "a white ground, not transparency");
    }

    @Test
    void accuracyAxisReadsFromZeroToOneHundredPercent(FxRobot robot) {
        LineChart<Number, Number> accuracy = robot.lookup("#accuracyChart").query();
        List<String> labels = accuracy.getYAxis().getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text).map(node -> ((Text) node).getText()).toList();
        assertEquals(List.of("0%", "10%", "20%", "30%", "40%", "50%", "60%", "70%", "80%", "90%", "100%"), labels);
    }

    @Test
    void theRateEachBatchTrainedAtIsDrawnAsAStaircaseOnALogAxisUnderTheLoss(FxRobot robot) {
        robot.interact(() -> {
            RecordedRun run = history.start(NetworkSpec.defaults());
            run.appendRates(List.of(new RatePoint(0, 0.1), new RatePoint(1000, 0.01)));
            run.append(List.of(new LossPoint(500, 2.0), new LossPoint(1000, 1.5), new LossPoint(1500, 1.0)),
                    List.of(), List.of());
        });
        MarkedLineChart rate = robot.lookup("#rateChart").query();
        List<XYChart.Data<Number, Number>> drawn = rate.getData().get(0).getData();
        assertEquals(List.of(0.0, 1000.0, 1000.0, 1500.0), xs(rate.getData().get(0)));
        assertEquals(List.of(-1.0, -1.0, -2.0, -2.0),
                drawn.stream().map(p -> Math.rint(p.getYValue().doubleValue() * 1e9) / 1e9).toList(), "log10 of the rate");
        List<String> ticks = rate.getYAxis().getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text).map(node -> ((Text) node).getText()).toList();
        assertEquals(List.of("0.01", "0.1"), ticks, "whole decades around the rates, labelled as rates");
    }

    @Test
    void theLossAxisTurnsLogarithmicAndBackAtOneClick(FxRobot robot) {
        robot.interact(() -> {
            RecordedRun run = history.start(NetworkSpec.defaults());
            run.append(List.of(new LossPoint(100, 1.0)), List.of(new EvaluationPoint(1, 1, 100, 0.01, 0.9, true)),
                    List.of());
        });
        LineChart<Number, Number> loss = robot.lookup("#lossChart").query();
        assertEquals(0.01, loss.getData().get(1).getData().get(0).getYValue().doubleValue(), 1e-12);
        robot.clickOn("#logLossAxis");
        assertEquals(-2.0, loss.getData().get(1).getData().get(0).getYValue().doubleValue(), 1e-12, "test loss");
        assertEquals(0.0, loss.getData().get(0).getData().get(0).getYValue().doubleValue(), 1e-12, "training loss 1");
        assertEquals("Loss (cross-entropy, log scale)", loss.getYAxis().getLabel());
        robot.clickOn("#logLossAxis");
        assertEquals(0.01, loss.getData().get(1).getData().get(0).getYValue().doubleValue(), 1e-12);
    }

    @Test
    void theBestEpochIsMarkedAndTheMarkMovesWhenALaterEpochDoesBetter(FxRobot robot) {
        RecordedRun[] run = new RecordedRun[1];
        robot.interact(() -> {
            run[0] = history.start(NetworkSpec.builder().validationImages(5000).build());
            run[0].append(List.of(), List.of(epochEnd(1, 0.90), epochEnd(2, 0.95), epochEnd(3, 0.93)), List.of());
        });
        MarkedLineChart accuracy = robot.lookup("#accuracyChart").query();
        MarkedLineChart loss = robot.lookup("#lossChart").query();
        assertEquals(List.of("run 1 best: epoch 2"), accuracy.markers().stream().map(MarkedLineChart.Marker::label).toList());
        assertEquals(2000.0, accuracy.markers().get(0).x());
        assertEquals(accuracy.markers(), loss.markers());
        robot.interact(() -> run[0].append(List.of(), List.of(epochEnd(4, 0.97)), List.of()));
        assertEquals(List.of("run 1 best: epoch 4"), accuracy.markers().stream().map(MarkedLineChart.Marker::label).toList());
        robot.interact(() -> {
            run[0].stoppedEarly(4, 3); // early stopping kept epoch 3 (its validation loss was lowest)
            run[0].finishAs(RecordedRun.State.COMPLETED);
        });
        assertEquals(List.of("run 1 best: epoch 3"), accuracy.markers().stream().map(MarkedLineChart.Marker::label).toList());
    }

    private static EvaluationPoint epochEnd(int epoch, double validationAccuracy) {
        return new EvaluationPoint(epoch, 10, 1000L * epoch, 0.3, 0.9, true, 0.3, validationAccuracy, 0.9);
    }

    private static EvaluationPoint evaluation(int i) {
        return new EvaluationPoint(1, i, 100L * i, 1.0 / i, 0.5 + i / 100.0, false);
    }

    private static List<Double> xs(XYChart.Series<Number, Number> series) {
        return series.getData().stream().map(point -> point.getXValue().doubleValue()).toList();
    }

    private static List<Double> xs(MarkedLineChart chart) {
        return chart.markers().stream().map(MarkedLineChart.Marker::x).sorted().toList();
    }
}
