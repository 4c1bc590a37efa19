package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.chart.LineChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.data.MnistData;
import org.mnistlab.runs.GeneratedStore;
import org.mnistlab.runs.RunStore;
import org.mnistlab.ui.charts.RecordedRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window over a store of many past runs: they are listed at start, newest first, none drawn;
 * ticking one draws it; typing filters the list.
 *
 * <p>The test makes a store of 40 runs. With {@code -Dmnistlab.scaleStore=FILE} (a store from
 * {@code ScaleBench}, e.g. 1,000 runs) it opens that one instead and prints how long listing,
 * ticking and filtering took: figures for the README, not assertions.
 */
@ExtendWith(ApplicationExtension.class)
class RunListWindowTest {
    private static final int RUNS = 40;
    private static Path store;
    private static MnistData small;
    private long startedNanos;

    /** The store and the data are made before the window, off the FX thread. */
    @BeforeAll
    static void prepare() throws Exception {
        String given = System.getProperty("mnistlab.scaleStore");
        if (given != null) {
            store = given.equals("none") ? null : Path.of(given); // none: the window as before the store, for comparison
        } else {
            store = Files.createTempDirectory("mnistlab-runlist").resolve(RunStore.FILE_NAME);
            GeneratedStore.create(store, RUNS, 20, 50);
        }
        small = WindowTesting.smallMnist();
    }

    @Start
    void start(Stage stage) {
        startedNanos = System.nanoTime();
        new LabApp(() -> small, FileDialogs.SYSTEM, store).start(stage);
        // The stored runs arrive in one addAll: the first change is the whole list.
        ListView<?> list = (ListView<?>) stage.getScene().lookup("#runList");
        list.getItems().addListener((javafx.beans.InvalidationListener) change -> {
            if (listedNanos == 0 && !list.getItems().isEmpty()) listedNanos = System.nanoTime();
        });
    }

    private volatile long listedNanos;

    @Test
    void pastRunsAreListedNewestFirstUndrawnAndTickingOneDrawsIt(FxRobot robot) throws Exception {
        javafx.scene.control.Button train = robot.lookup("#trainButton").queryAs(javafx.scene.control.Button.class);
        waitUntil(() -> !train.isDisabled());
        long usableNanos = System.nanoTime();
        if (given() && store == null) {
            System.out.printf("window without a run store: Train enabled %.0f ms after start%n", (usableNanos - startedNanos) / 1e6);
            return;
        }
        ListView<RecordedRun> list = robot.lookup("#runList").queryListView();
        int expected = given() ? list.getItems().size() : RUNS;
        waitUntil(() -> !list.getItems().isEmpty() && (given() || list.getItems().size() == RUNS));
        expected = list.getItems().size();
        assertTrue(given() || expected == RUNS, expected + " runs listed");
        for (int i = 1; i < list.getItems().size(); i++) {
            assertTrue(!list.getItems().get(i).startedAt().isAfter(list.getItems().get(i - 1).startedAt()),
                    "newest first at " + i);
        }
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertTrue(loss.getData().isEmpty(), "no curve until a run is ticked");

        RecordedRun newest = list.getItems().get(0);
        // Timed from the tick itself: the robot's mouse travel to the box comes before it.
        long[] tickNanos = new long[1];
        newest.visible().addListener((obs, was, ticked) -> {
            if (ticked) tickNanos[0] = System.nanoTime();
        });
        robot.clickOn(robot.from(robot.lookup("#runList").queryAs(ListView.class)).lookup(".check-box")
                .queryAs(CheckBox.class));
        waitUntil(() -> loss.getData().size() == 2 && !loss.getData().get(0).getData().isEmpty());
        long drawnNanos = System.nanoTime();
        assertTrue(newest.visible().get());
        assertEquals(newest.trainLoss().size() > 0, true);

        TextField filter = robot.lookup("#runFilter").queryAs(TextField.class);
        robot.clickOn(filter);
        long typingNanos = System.nanoTime();
        robot.write("adam lr 0.1 ");
        waitUntil(() -> filter.getText().equals("adam lr 0.1 "));
        long typedNanos = System.nanoTime();
        waitUntil(() -> list.getItems().stream().allMatch(run -> run.label().get().contains("Adam lr 0.1 ")));
        assertTrue(!list.getItems().isEmpty() && list.getItems().size() < expected, list.getItems().size() + " shown");

        if (given()) {
            System.out.printf("window with %s: Train enabled %.0f ms after start, %d runs listed after %.0f ms; "
                    + "tick to drawn %.0f ms; typing 12 characters into the filter %.0f ms (robot typing included)%n",
                    store, (usableNanos - startedNanos) / 1e6, expected, (listedNanos - startedNanos) / 1e6,
                    (drawnNanos - tickNanos[0]) / 1e6, (typedNanos - typingNanos) / 1e6);
        }
    }

    private static boolean given() {
        return System.getProperty("mnistlab.scaleStore") != null;
    }
}
