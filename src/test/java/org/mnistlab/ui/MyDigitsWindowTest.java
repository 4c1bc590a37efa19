package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.MnistData;
import org.mnistlab.mydigits.MyDigit;
import org.mnistlab.mydigits.MyDigitsStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A student keeps a drawing as a digit, finds it in My digits with the model's reading, and
 * ticks "Train with my digits" for the next run; the drawing is in the set's folder on disk.
 */
@ExtendWith(ApplicationExtension.class)
class MyDigitsWindowTest {
    @TempDir
    static Path dir;
    private Path folder;

    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        folder = dir.resolve("my-digits-" + System.nanoTime());
        new LabApp(() -> small, FileDialogs.SYSTEM, null, new MyDigitsStore(folder)).start(stage);
    }

    @Test
    void aKeptDrawingIsSavedAndShownInMyDigitsWithTheModelsReading(FxRobot robot) throws Exception {
        robot.clickOn("Draw a digit");
        Label prediction = robot.lookup("#padPrediction").queryAs(Label.class);
        Label kept = robot.lookup("#keepMessage").queryAs(Label.class);

        robot.clickOn("#keepAs4"); // nothing drawn yet
        waitUntil(() -> kept.getText().contains("blank"));
        assertEquals(0, pngs().size(), "a blank pad keeps nothing");

        Node canvas = robot.lookup("#padCanvas").query();
        waitUntil(() -> robot.lookup("#padMessage").queryAs(Label.class).getText().startsWith("Draw"));
        robot.moveTo(canvas).moveBy(0, -100).press(MouseButton.PRIMARY).moveBy(0, 100).moveBy(0, 100)
                .release(MouseButton.PRIMARY); // a "1"
        waitUntil(() -> !prediction.getText().equals("?")); // the default model has loaded and read it
        robot.clickOn("#keepAs1");
        waitUntil(() -> kept.getText().equals("Kept as a 1: 1 in My digits."));
        assertEquals(1, pngs().size());
        assertTrue(pngs().get(0).getFileName().toString().startsWith("digit_1_"), pngs().toString());
        List<MyDigit> onDisk = new MyDigitsStore(folder).load().digits();
        assertEquals(1, onDisk.size());
        assertEquals(1, onDisk.get(0).label());
        assertEquals(1, onDisk.get(0).strokes().size(), "the raw stroke is kept with the picture");

        robot.clickOn("My digits");
        TilePane grid = robot.lookup("#myDigitsGrid").queryAs(TilePane.class);
        Label score = robot.lookup("#myDigitsScore").queryAs(Label.class);
        waitUntil(() -> grid.getChildren().size() == 1);
        waitUntil(() -> score.getText().matches("The model reads [01] of 1 of your digits right .*"));

        CheckBox train = robot.lookup("#trainWithMyDigits").queryAs(CheckBox.class);
        robot.clickOn(train);
        Label note = robot.lookup("#myDigitsTrainingNote").queryAs(Label.class);
        waitUntil(() -> note.getText().startsWith("The next runs show each of your digits 150 times an epoch: 150 of 3,150"));
    }

    private List<Path> pngs() throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).toList();
        }
    }
}
