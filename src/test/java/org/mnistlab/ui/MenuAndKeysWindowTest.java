package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.replaceText;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.data.MnistData;
import org.mnistlab.ui.charts.RecordedRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The menu bar's keys, pressed as a user presses them (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class MenuAndKeysWindowTest {
    /** Records which file dialog was asked for, and cancels it. */
    private static final class Asked implements FileDialogs {
        final List<String> asked = new ArrayList<>();

        @Override
        public Path chooseDataFolder(Window owner) {
            asked.add("data folder");
            return null;
        }

        @Override
        public Path chooseModelToOpen(Window owner) {
            asked.add("open model");
            return null;
        }

        @Override
        public Path chooseModelSaveTarget(Window owner) {
            asked.add("save model");
            return null;
        }

        @Override
        public Path chooseExportTarget(Window owner, String title, String fileName, FileChooser.ExtensionFilter type) {
            asked.add("export " + fileName);
            return null;
        }
    }

    private final Asked dialogs = new Asked();
    private LabContext context;

    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        LabApp app = new LabApp(() -> small, dialogs);
        app.start(stage);
        context = app.context();
    }

    @Test
    void ctrlEnterTrainsSpacePausesAndResumesEscStops(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        Button pause = robot.lookup("#pauseButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "200");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(train::isDisabled);

        robot.clickOn("Learning curves"); // the focus leaves the text field: Space is not typed there
        robot.type(KeyCode.SPACE);
        assertEquals("Resume", pause.getText(), "Space paused the run");
        robot.type(KeyCode.SPACE);
        assertEquals("Pause", pause.getText(), "Space resumed it");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !train.isDisabled());
        ListView<RecordedRun> runs = robot.lookup("#runList").queryListView();
        assertEquals(RecordedRun.State.STOPPED, runs.getItems().get(0).state().get());
    }

    @Test
    void spaceInATextFieldTypesASpaceAndLeavesTheRunAlone(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "200");
        robot.clickOn("#trainButton");
        waitUntil(train::isDisabled);
        robot.clickOn("#learningRateField").type(KeyCode.END).type(KeyCode.SPACE);
        assertEquals("Pause", robot.lookup("#pauseButton").queryAs(Button.class).getText());
        robot.clickOn("#stopButton");
        waitUntil(() -> !train.isDisabled());
    }

    @Test
    void removedRunComesBackWithCtrlZOrTheNoticesUndo(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "1");
        for (int i = 0; i < 2; i++) {
            robot.clickOn("#trainButton");
            waitUntil(train::isDisabled);
            waitUntil(() -> !train.isDisabled());
        }
        ListView<RecordedRun> runs = robot.lookup("#runList").queryListView();

        robot.clickOn(deleteButtonOf(robot, 1));
        assertEquals(List.of(2), numbers(runs));
        assertEquals("Run 1 deleted.", context.notice().get());
        robot.clickOn("Learning curves");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals(List.of(1, 2), numbers(runs), "Ctrl+Z put it back");

        robot.clickOn(deleteButtonOf(robot, 1));
        assertEquals(List.of(2), numbers(runs));
        robot.clickOn("#noticeAction");
        assertEquals(List.of(1, 2), numbers(runs), "the notice's Undo put it back");
    }

    /** The Delete button in the row of run {@code number}. */
    private static Button deleteButtonOf(FxRobot robot, int number) {
        return robot.lookup("#runList .list-cell").match(cell -> cell instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof RecordedRun run && run.number() == number).lookup(".button")
                .match(b -> "Delete".equals(((Button) b).getText())).queryButton();
    }

    @Test
    void ctrlZTakesBackTheLastStrokeOnThePad(FxRobot robot) throws Exception {
        robot.clickOn("Draw a digit");
        Node canvas = robot.lookup("#padCanvas").query();
        robot.moveTo(canvas).moveBy(0, -80).press(MouseButton.PRIMARY).moveBy(0, 80).moveBy(0, 80)
                .release(MouseButton.PRIMARY);
        robot.moveTo(canvas).moveBy(-60, -80).press(MouseButton.PRIMARY).moveBy(120, 0)
                .release(MouseButton.PRIMARY);
        Label message = robot.lookup("#padMessage").queryAs(Label.class);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> message.getText().startsWith("Draw a digit"));
    }

    @Test
    void ctrlOAndCtrlSAskForTheModelFileAndF1ShowsTheGuide(FxRobot robot) throws Exception {
        waitUntil(() -> context.model().get() != null); // the bundled model, which Save would save
        robot.clickOn("Learning curves");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertEquals(List.of("open model", "save model"), dialogs.asked);

        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#guideDialog").tryQuery().isPresent());
        DialogPane guide = robot.lookup("#guideDialog").queryAs(DialogPane.class);
        assertTrue(((Label) guide.getContent()).getText().contains("Ctrl+Enter"));
        robot.interact(() -> guide.getScene().getWindow().hide());

        robot.clickOn("Help").clickOn("About MNIST Lab");
        waitUntil(() -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        String about = ((Label) robot.lookup("#aboutDialog").queryAs(DialogPane.class).getContent()).getText();
        assertTrue(about.contains("Java " + System.getProperty("java.version")) && about.contains("Deeplearning4j 1.0.0"),
                about);
        assertFalse(about.contains("Deeplearning4j unknown"), about);
        robot.interact(() -> robot.lookup("#aboutDialog").query().getScene().getWindow().hide());
    }

    private static List<Integer> numbers(ListView<RecordedRun> runs) {
        return runs.getItems().stream().map(RecordedRun::number).sorted().toList();
    }
}
