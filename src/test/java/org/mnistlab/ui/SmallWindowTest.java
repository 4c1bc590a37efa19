package org.mnistlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistlab.ui.WindowTesting.replaceText;
import static org.mnistlab.ui.WindowTesting.waitUntil;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnistlab.data.MnistData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A laptop's window: at 1024×700 every control of the designer, the run list and the pad is
 * whole, inside the window (or inside a scroll pane that scrolls only up and down), and shows
 * its whole text.
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MnistData small = WindowTesting.smallMnist();
        new LabApp(() -> small).start(stage);
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @Test
    void nothingOfTheDesignerTheRunListOrThePadIsClippedAt1024By700(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        waitUntil(() -> !train.isDisabled());
        replaceText(robot, "#epochsField", "1");
        robot.clickOn("#trainButton"); // a run in the list, with its long label and its Remove button
        waitUntil(train::isDisabled);
        waitUntil(() -> !train.isDisabled());
        Scene scene = stage.getScene();
        assertEquals(1024, scene.getWidth(), 1);

        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            problems.addAll(clipped(scene.lookup(".designer"), scene));
            problems.addAll(clipped(scene.lookup(".training-controls"), scene));
            problems.addAll(clipped(scene.lookup("#runList"), scene));
        });
        for (String[] tab : new String[][] {{"Draw a digit", ".pad"}, {"Samples", "#galleryTools"}}) {
            robot.interact(() -> {
                TabPane tabs = (TabPane) scene.lookup("#mainTabs");
                tabs.getSelectionModel().select(tabs.getTabs().stream()
                        .filter(t -> t.getText().equals(tab[0])).findFirst().orElseThrow());
            });
            robot.interact(() -> {
                Node area = scene.lookup(tab[1]);
                assertTrue(area != null && treeVisible(area), tab[0] + " is showing"); // not a pass by absence
                problems.addAll(clipped(area, scene));
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theDesignerNeedsNoScrollingAt1280By720(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        ScrollPane designer = robot.lookup(".designer-scroll").queryAs(ScrollPane.class);
        waitUntil(() -> designer.getViewportBounds().getHeight() > 0);
        double content = designer.getContent().getBoundsInLocal().getHeight();
        assertTrue(content <= designer.getViewportBounds().getHeight() + 0.5,
                "the designer is " + content + " px tall in a " + designer.getViewportBounds().getHeight() + " px view");
    }

    /**
     * What is wrong with the controls under {@code area}: outside the window, cut by the edge of a
     * scroll pane's view, or showing shortened text ("Ope…" for "Open model…"). Labels that are
     * shortened on purpose, with the whole text in their tooltip, carry the style class
     * {@code elided-with-tooltip}.
     */
    private static List<String> clipped(Node area, Scene scene) {
        List<String> problems = new ArrayList<>();
        for (Node node : descendants(area)) {
            if (!(node instanceof Control control) || !treeVisible(control)) continue;
            Bounds b = control.localToScene(control.getLayoutBounds());
            boolean scrolls = false;
            for (Parent up = control.getParent(); up != null; up = up.getParent()) {
                if (up instanceof ScrollPane scroll) {
                    scrolls = true;
                    Node viewport = scroll.lookup(".viewport");
                    Bounds view = viewport.localToScene(viewport.getLayoutBounds());
                    if (b.getMaxX() > view.getMaxX() + 0.5) {
                        problems.add(describe(control) + " is cut by the right edge of its scroll pane");
                    }
                }
            }
            // Below the window is allowed only inside a scroll pane, which scrolls it into view.
            if (b.getMinX() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5
                    || (!scrolls && b.getMaxY() > scene.getHeight() + 0.5)) {
                problems.add(describe(control) + " reaches outside the window: " + b);
            }
            if (control instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                    && !labeled.getStyleClass().contains("elided-with-tooltip")) {
                Node shown = labeled.lookup(".text");
                if (shown instanceof Text text && !text.getText().equals(labeled.getText())) {
                    problems.add(describe(control) + " shows '" + text.getText() + "'");
                }
            }
        }
        return problems;
    }

    private static List<Node> descendants(Node root) {
        List<Node> all = new ArrayList<>();
        all.add(root);
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) all.addAll(descendants(child));
        }
        return all;
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private static String describe(Control control) {
        String text = control instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return control.getClass().getSimpleName() + (control.getId() == null ? "" : " #" + control.getId()) + text;
    }
}
