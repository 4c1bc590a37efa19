package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import java.util.concurrent.CountDownLatch;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.data.MnistData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first seconds: the window is laid out and says what it waits for while MNIST is still being read. */
@ExtendWith(ApplicationExtension.class)
class LoadingWindowTest {
    /** Held shut until the test has looked at the window: MNIST is "still loading" until then. */
    private final CountDownLatch mnistRead = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        MnistData small = WindowTesting.smallMnist();
        new LabApp(() -> {
            try {
                mnistRead.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return small;
        }).start(stage);
    }

    @AfterEach
    void letTheLoaderFinish() {
        mnistRead.countDown();
    }

    @Test
    void thePanelsAreOnScreenAndSayTheyWaitForMnistWhileItLoads(FxRobot robot) throws Exception {
        StatusBar status = robot.lookup(".status-bar").queryAs(StatusBar.class);
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        assertEquals("Loading MNIST…", status.getText());
        assertEquals("Waiting for MNIST to load…", robot.lookup("#trainBlockedReason").queryAs(Label.class).getText());
        assertTrue(train.isDisabled());
        for (String panel : new String[] {"#lossChart", "#runList", "#presetBox", "#epochsField"}) {
            Node node = robot.lookup(panel).query();
            assertTrue(node.isVisible() && node.getScene() != null && node.getLayoutBounds().getWidth() > 0,
                    panel + " laid out before MNIST is read");
        }

        mnistRead.countDown();
        waitUntil(() -> !train.isDisabled());
        waitUntil(() -> "Ready".equals(status.getText()));
    }
}
