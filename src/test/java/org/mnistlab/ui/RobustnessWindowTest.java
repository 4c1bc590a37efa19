package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.replaceText;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.mnistlab.ui.charts.RecordedRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Bad input and faults in the window: each ends in a message, and the lab stays usable. */
@ExtendWith(ApplicationExtension.class)
class RobustnessWindowTest {
    /** Answers the window's file dialogs as the test says. */
    static final class Answers implements FileDialogs {
        volatile Path folder;
        volatile Path open;
        volatile Path save;

        @Override
        public Path chooseDataFolder(Window owner) {
            return folder;
        }

        @Override
        public Path chooseModelToOpen(Window owner) {
            return open;
        }

        @Override
        public Path chooseModelSaveTarget(Window owner) {
            return save;
        }

        @Override
        public Path chooseExportTarget(Window owner, String title, String fileName,
                javafx.stage.FileChooser.ExtensionFilter type) {
            return null;
        }
    }

    private final Answers answers = new Answers();
    private LabContext context;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        LabApp app = new LabApp(() -> small, answers);
        app.start(stage);
        context = app.context();
    }

    private String notice(FxRobot robot) {
        return robot.lookup("#notice").queryAs(Label.class).getText();
    }

    @Test
    void divergedRunKeepsItsCurveSaysWhyAndTheNextRunStartsCleanly(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#learningRateField", "50");
        robot.clickOn("#trainButton");

        ListView<RecordedRun> runs = robot.lookup("#runList").queryListView();
        waitUntil(() -> !runs.getItems().isEmpty() && runs.getItems().get(0).state().get() == RecordedRun.State.DIVERGED);
        waitUntil(() -> !train.isDisabled());
        assertTrue(notice(robot).startsWith("Run 1 diverged. The loss "), notice(robot));
        assertTrue(notice(robot).contains("at epoch 1, batch ") && notice(robot).contains("You could try 5, a tenth of the rate that blew up (50)"),
                notice(robot));
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        int divergedPoints = loss.getData().get(0).getData().size();
        assertTrue(divergedPoints > 0, "the diverged run's curve stays on the chart");

        replaceText(robot, "#learningRateField", "0.05");
        robot.clickOn("#trainButton");
        // The run list shows the newest run first.
        waitUntil(() -> runs.getItems().size() == 2 && runs.getItems().get(0).state().get() == RecordedRun.State.RUNNING);
        assertEquals("", notice(robot), "a new run clears the old notice");
        waitUntil(() -> loss.getData().stream().filter(s -> !s.getData().isEmpty()).count() >= 2
                && loss.getData().stream().mapToInt(s -> s.getData().size()).sum() > divergedPoints + 5);
        robot.clickOn("#stopButton");
        waitUntil(() -> !train.isDisabled());
        assertEquals(RecordedRun.State.STOPPED, runs.getItems().get(0).state().get());
        assertEquals(RecordedRun.State.DIVERGED, runs.getItems().get(1).state().get());
        assertEquals(divergedPoints, loss.getData().get(0).getData().size(), "the diverged curve is untouched");
    }

    @Test
    void batchLargerThanTheDataIsMarkedAtTheField(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#batchField", "5000");
        assertTrue(train.isDisabled());
        assertEquals("Batch size: 5,000 is larger than the 3,000 training images",
                robot.lookup("#trainBlockedReason").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#batchField").queryAs(TextField.class).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("invalid")));
    }

    @Test
    void brokenDataFolderKeepsTheCurrentDataWithANotice(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        MnistData before = context.data().get();
        Path broken = Files.createDirectory(dir.resolve("broken"));
        TestData.tinyMnistFolder(broken, 200, 50);
        Path images = broken.resolve("train-images-idx3-ubyte");
        Files.write(images, java.util.Arrays.copyOf(Files.readAllBytes(images), 5000));

        answers.folder = broken;
        robot.clickOn("#dataFolderButton");
        waitUntil(() -> !notice(robot).isEmpty());
        assertTrue(notice(robot).startsWith("Could not use " + broken + "; still training on bundled MNIST: "
                + images + ": truncated"), notice(robot));
        assertSame(before, context.data().get());
        assertFalse(train.isDisabled());

        Path good = TestData.tinyMnistFolder(Files.createDirectory(dir.resolve("good")), 200, 50);
        answers.folder = good;
        robot.clickOn("#dataFolderButton");
        Label description = robot.lookup("#dataDescription").queryAs(Label.class);
        waitUntil(() -> description.getText().equals(good + ": 200 training and 50 test images"));
        assertEquals(200, context.data().get().train().count());
    }

    @Test
    void badModelFileLeavesTheCurrentModelAndAGoodOneIsSavedAndOpened(FxRobot robot) throws Exception {
        robot.clickOn("Draw a digit");
        waitUntil(() -> context.model().get() != null); // the bundled default model
        TrainedModel current = context.model().get();
        Path notes = Files.writeString(dir.resolve("notes.zip"), "not a model");

        answers.open = notes;
        robot.clickOn("#openModelButton");
        waitUntil(() -> !notice(robot).isEmpty());
        assertEquals("Could not open notes.zip; the current model stays: " + notes
                + ": is not a model file (not a readable zip archive)", notice(robot));
        assertSame(current, context.model().get());

        Path saved = dir.resolve("saved.zip");
        answers.save = saved;
        robot.clickOn("#saveModelButton");
        Label message = robot.lookup("#modelFileMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().equals("Saved the model to " + saved));
        assertEquals(current.spec(), ModelFile.load(saved).spec());

        answers.open = saved;
        robot.clickOn("#openModelButton");
        waitUntil(() -> context.modelDescription().get().equals("saved.zip (" + current.spec().architecture() + ")"));
    }

    @Test
    void droppedFilesThatAreNotDigitsGetAMessageNotAGuess(FxRobot robot) throws Exception {
        robot.clickOn("Draw a digit");
        waitUntil(() -> context.model().get() != null);
        Node canvas = robot.lookup("#padCanvas").query();
        Label message = robot.lookup("#padMessage").queryAs(Label.class);
        Label prediction = robot.lookup("#padPrediction").queryAs(Label.class);

        Path text = Files.writeString(dir.resolve("letter.png"), "Dear student,");
        drop(robot, canvas, text);
        waitUntil(() -> message.getText().equals(text + ": is not an image MNIST Lab can read (PNG, JPEG, GIF or BMP)"));
        assertEquals("?", prediction.getText());

        Path black = dir.resolve("black.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(50, 50, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", black.toFile());
        drop(robot, canvas, black);
        waitUntil(() -> message.getText().equals("black.png: the image is blank: there is no ink to read"));
        assertEquals("?", prediction.getText());

        Path seven = dir.resolve("seven.png");
        javax.imageio.ImageIO.write(org.mnistlab.drawing.MouseDigitRenderer.render(7, 0), "png", seven.toFile());
        drop(robot, canvas, seven);
        waitUntil(() -> message.getText().equals("Read from seven.png."));
        assertEquals("7", prediction.getText());
    }

    @Test
    void exceptionOnABackgroundThreadReachesTheUser(FxRobot robot) throws Exception {
        Thread thread = new Thread(() -> {
            throw new IllegalStateException("a bug in a background thread");
        }, "lab-test-worker");
        thread.start();
        thread.join();
        waitUntil(() -> !notice(robot).isEmpty());
        assertEquals("Something went wrong (lab-test-worker): IllegalStateException: a bug in a background thread",
                notice(robot));
    }

    /**
     * What the operating system delivers when a file is dropped from a file manager: a drag over
     * the canvas, then the drop, with the file on the dragboard.
     */
    private static void drop(FxRobot robot, Node target, Path file) {
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new DroppedFiles(List.of(file.toFile())));
            DragboardHelper.setDataAccessRestriction(board, false);
            javafx.geometry.Point2D at = target.localToScreen(140, 140);
            for (var type : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
                target.fireEvent(new DragEvent(type, board, 140, 140, at.getX(), at.getY(),
                        TransferMode.COPY, null, target, null));
            }
        });
    }

    /** What a file manager's drag carries: files, offered for copying. */
    private record DroppedFiles(List<java.io.File> files) implements TKClipboard {
        @Override
        @SuppressWarnings("removal") // part of the interface JavaFX 21 still declares
        public void setSecurityContext(java.security.AccessControlContext context) {}

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(javafx.util.Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return format.equals(DataFormat.FILES) ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return format.equals(DataFormat.FILES);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(javafx.scene.image.Image image) {}

        @Override
        public void setDragViewOffsetX(double offsetX) {}

        @Override
        public void setDragViewOffsetY(double offsetY) {}

        @Override
        public javafx.scene.image.Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
