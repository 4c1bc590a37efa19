package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.replaceText;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import org.testfx.util.WaitForAsyncUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.data.MnistData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Looking inside the network: the confusion matrix linked to its images, the weights as they
 * learn, and what each layer does with a drawing on the pad.
 */
@ExtendWith(ApplicationExtension.class)
class InsideWindowTest {
    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        new LabApp(() -> small).start(stage);
    }

    @Test
    void clickingACellShowsItsImagesMostConfidentFirstAndOneCanGoToThePad(FxRobot robot) throws Exception {
        robot.clickOn("Inside the network");
        Label title = robot.lookup("#insideListTitle").queryAs(Label.class);
        waitUntil(() -> title.getText().startsWith("The ")); // the bundled model, inspected in the background
        Node busiest = busiestMistakeCell(robot);
        int count = Integer.parseInt(((Label) busiest).getText());
        robot.clickOn(busiest);
        String[] rc = busiest.getId().split("-");
        assertEquals(rc[1] + " read as " + rc[2] + ": " + count + (count == 1 ? " image" : " images")
                + ", most confident mistake first", title.getText());
        FlowPane images = robot.lookup("#insideImages").queryAs(FlowPane.class);
        assertEquals(count, images.getChildren().size());
        double previous = 2;
        for (Node tile : images.getChildren()) {
            String top = robot.from(tile).lookup(".top3").queryAs(Label.class).getText();
            assertEquals(3, top.lines().count(), "top-3 probabilities: " + top);
            assertTrue(top.startsWith(rc[2] + " "), "the answer comes first: " + top);
            double confidence = Double.parseDouble(top.lines().findFirst().orElseThrow().split("\\s+")[1].replace("%", ""));
            assertTrue(confidence <= previous * 100 + 1e-9 || previous == 2, "sorted by confidence");
            previous = confidence / 100;
        }

        robot.clickOn(images.getChildren().get(0));
        Label detail = robot.lookup("#insideDetail").queryAs(Label.class);
        assertTrue(detail.getText().contains("a " + rc[1] + ", read as " + rc[2] + " (wrong)"), detail.getText());

        robot.clickOn("#mostConfidentMistakes");
        assertTrue(title.getText().startsWith("The ") && title.getText().endsWith("most confident mistakes"));
        robot.clickOn("#leastConfidentCorrect");
        assertTrue(title.getText().endsWith("least confident right answers"), title.getText());

        robot.clickOn("#drawOnPad");
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals("Draw a digit", tabs.getSelectionModel().getSelectedItem().getText());
        Label prediction = robot.lookup("#padPrediction").queryAs(Label.class);
        waitUntil(() -> !prediction.getText().equals("?"));
    }

    @Test
    void theWeightPicturesChangeAfterEveryEpochWhileTheNetworkTrains(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "3");
        robot.clickOn("Inside the network");
        TilePane grid = robot.lookup("#weightGrid").queryAs(TilePane.class);
        waitUntil(() -> grid.getChildren().size() == 512); // the bundled 784-512-256-10 first

        // Records tile 0's picture each time it changes, following the tile when the grid is rebuilt.
        List<int[]> seen = new ArrayList<>();
        ChangeListener<Image> record = (obs, old, image) -> {
            if (image == null) return;
            int[] argb = new int[28 * 28];
            image.getPixelReader().getPixels(0, 0, 28, 28, PixelFormat.getIntArgbInstance(), argb, 0, 28);
            if (seen.isEmpty() || !Arrays.equals(seen.get(seen.size() - 1), argb)) seen.add(argb);
        };
        robot.interact(() -> grid.getChildren().addListener((ListChangeListener<Node>) c -> {
            ImageView first = grid.getChildren().isEmpty() ? null : (ImageView) grid.getChildren().get(0);
            if (first != null) {
                first.imageProperty().removeListener(record);
                first.imageProperty().addListener(record);
            }
        }));
        robot.clickOn("#trainButton");
        waitUntil(train::isDisabled);
        waitUntil(() -> !train.isDisabled());
        // Epochs on 3,000 images can end faster than the panel inspects; the newest model always wins.
        waitUntil(() -> grid.getChildren().size() == 64 && seen.size() >= 2);
        assertTrue(seen.size() <= 3, "at most once per epoch: " + seen.size());

        Object tip = grid.getChildren().get(5).getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(((Tooltip) tip).getText().matches("Unit 5: incoming weight norm \\d+\\.\\d{3}\\..*"),
                ((Tooltip) tip).getText());
        Label caption = robot.lookup("#weightsCaption").queryAs(Label.class);
        assertEquals("First hidden layer: 64 units", caption.getText());
    }

    @Test
    void drawingUpdatesTheStepByStepRowAndTheLayerActivationsAsYouDraw(FxRobot robot) throws Exception {
        robot.clickOn("Draw a digit");
        Label prediction = robot.lookup("#padPrediction").queryAs(Label.class);
        waitUntil(() -> robot.lookup("#padMessage").queryAs(Label.class).getText().startsWith("Draw"));
        Node canvas = robot.lookup("#padCanvas").query();
        robot.moveTo(canvas).moveBy(0, -100).press(MouseButton.PRIMARY).moveBy(0, 100).moveBy(0, 100)
                .release(MouseButton.PRIMARY); // a "1"
        waitUntil(() -> !prediction.getText().equals("?") && robot.lookup("#strip1").tryQuery().isPresent());
        HBox strip = robot.lookup("#strip1").queryAs(HBox.class);
        assertEquals(64, strip.getChildren().size(), "the bundled model's 512 first-layer units, 64 shown");
        List<Object> before = fills(strip);
        assertTrue(robot.lookup("#padUnitCaption").queryAs(Label.class).getText().startsWith("First-layer unit"),
                "the strongest unit links to its weights");
        assertTrue(inked(robot, "#padStepBox") && inked(robot, "#padStepCentred"), "the steps show the drawing");

        robot.moveTo(canvas).moveBy(-80, -100).press(MouseButton.PRIMARY).moveBy(80, 0).moveBy(80, 0)
                .release(MouseButton.PRIMARY); // a bar on top: a "7"
        waitUntil(() -> {
            HBox now = robot.lookup("#strip1").queryAs(HBox.class);
            return now != strip && !fills(now).equals(before);
        });
    }

    private static List<Object> fills(HBox strip) {
        return strip.getChildren().stream().map(n -> (Object) ((Rectangle) n).getFill()).toList();
    }

    /** Whether the step's small canvas shows any ink (it is black when there is nothing to show). */
    private static boolean inked(FxRobot robot, String query) throws Exception {
        Canvas step = robot.lookup(query).queryAs(Canvas.class);
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> step.snapshot(null, null)).get();
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if ((shot.getPixelReader().getArgb(x, y) & 0xFF) > 128) return true;
            }
        }
        return false;
    }

    private static Node busiestMistakeCell(FxRobot robot) {
        Node best = null;
        int most = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                if (a == p) continue;
                Label cell = robot.lookup("#cell-" + a + "-" + p).queryAs(Label.class);
                int count = cell.getText().isEmpty() ? 0 : Integer.parseInt(cell.getText());
                if (count > most) {
                    most = count;
                    best = cell;
                }
            }
        }
        return best;
    }
}
