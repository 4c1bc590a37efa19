package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.Augmentation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A student turns on "Distort training images" and sees what the network will train on. */
@ExtendWith(ApplicationExtension.class)
class AugmentationWindowTest {
    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        new LabApp(() -> small).start(stage);
    }

    @Test
    void choosingAStrengthShowsEightDistortedCopiesOfATrainingDigit(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#trainButton").queryButton().isDisabled());
        HBox strip = robot.lookup("#distortionStrip").queryAs(HBox.class);
        assertFalse(strip.isVisible(), "off by default: no strip");

        ScrollPane designer = robot.lookup(".designer-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> designer.setVvalue(designer.getVmax()));
        robot.clickOn("#augmentationChoice");
        robot.clickOn(Augmentation.STRONG.toString());

        waitUntil(strip::isVisible);
        assertEquals(8, strip.getChildren().size());
        assertTrue(strip.getChildren().stream().allMatch(n -> n instanceof ImageView view && view.getImage() != null));
        ComboBox<?> choice = robot.lookup("#augmentationChoice").queryComboBox();
        assertEquals(Augmentation.STRONG, choice.getValue());

        robot.clickOn("#augmentationChoice");
        robot.clickOn(Augmentation.OFF.toString());
        waitUntil(() -> !strip.isVisible());
        assertEquals("", robot.lookup("#trainBlockedReason").queryAs(Label.class).getText(), "still ready to train");
    }
}
