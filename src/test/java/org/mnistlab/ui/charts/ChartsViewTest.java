package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.network.NetworkSpec;
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

    @Start
    void start(Stage stage) {
        charts = new ChartsView(history, new LabContext(FileDialogs.SYSTEM));
        stage.setScene(new Scene(new StackPane(charts.node()), 900, 600));
        stage.show();
    }

    @Test
    void hidingOrRemovingARunTakesOnlyItsOwnRateMarkers(FxRobot robot) {
        // Nine runs, each with a learning-rate change at 1,000 × its number. The palette has eight
        // colours, so run 9 has run 1's.
        robot.interact(() -> {
            for (int i = 1; i <= 9; i++) {
                Run run = history.start(NetworkSpec.defaults());
                run.append(List.of(), List.of(), List.<double[]>of(new double[] {1000 * i, 0.01}));
                charts.refresh(run);
            }
        });
        MarkedLineChart loss = robot.lookup("#lossChart").query();
        MarkedLineChart accuracy = robot.lookup("#accuracyChart").query();
        assertEquals(List.of(1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0, 9000.0), xs(loss));

        Run ninth = history.runs().get(8);
        robot.interact(() -> ninth.visible().set(false));
        assertEquals(List.of(1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0), xs(loss));
        robot.interact(() -> ninth.visible().set(true));
        robot.interact(() -> history.remove(ninth));
        assertEquals(List.of(1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0), xs(loss));
        assertEquals(xs(loss), xs(accuracy));
    }

    private static List<Double> xs(MarkedLineChart chart) {
        return chart.markers().stream().map(MarkedLineChart.Marker::x).sorted().toList();
    }
}
