package org.mnistlab.ui;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * Takes the README's screenshots of the real window. Not a test: run it on a display (Xvfb) with
 * {@code import} (ImageMagick) installed:
 *
 * <pre>
 * Xvfb :99 -screen 0 1920x1080x24 &amp;
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * XDG_DATA_HOME=$(mktemp -d) DISPLAY=:99 java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     org.mnistlab.ui.ScreenshotTour assets/screenshots [/tmp/shots]
 * </pre>
 *
 * The window fills 1440×900 at the screen's top left. It trains the notebook network at three
 * learning rates on the full MNIST and shows them against epochs, opens the confusion matrix's
 * 4→9 cell in "Inside the network", then draws a 7 on the pad. Given a second folder, it then
 * takes every tab at 1024×700, 1280×720, 1440×900 and 1920×1080 into it ({@code 1024x700-pad.png}…),
 * for checking the layouts (the screen must be 1920×1080 for the last).
 */
public final class ScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Stage stage = openLab();
        fx(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        Scene scene = stage.getScene();
        Button train = (Button) scene.lookup("#trainButton");
        waitFor(() -> !train.isDisabled());
        // The last run's network is the one the pad uses: end on the notebook's 0.05.
        for (String rate : new String[] {"0.5", "0.005", "0.05"}) {
            fx(() -> {
                ((TextField) scene.lookup("#epochsField")).setText("3");
                ((TextField) scene.lookup("#learningRateField")).setText(rate);
                train.fire();
            });
            waitFor(train::isDisabled);
            waitFor(() -> !train.isDisabled());
        }
        fx(() -> ((javafx.scene.control.RadioButton) scene.lookup("#epochsAxis")).fire()); // as the course plots
        Thread.sleep(1500); // let the last frame render before the screen is captured
        capture(stage, out.resolve("learning-rates.png"));

        selectTab(scene, "Inside the network");
        Node fourAsNine = scene.lookup("#cell-4-9");
        waitFor(() -> !((javafx.scene.control.Label) scene.lookup("#insideListTitle")).getText().isEmpty());
        fx(() -> fourAsNine.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                0, 0, 0, 0, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
                false, null)));
        Thread.sleep(1500);
        capture(stage, out.resolve("inside-the-network.png"));

        selectTab(scene, "Draw a digit");
        Thread.sleep(800);
        Node canvas = scene.lookup("#padCanvas");
        double[][] seven = {{70, 70}, {130, 68}, {200, 66}, {185, 110}, {160, 160}, {140, 205}, {128, 240}};
        AtomicReference<Robot> robot = new AtomicReference<>();
        fx(() -> robot.set(new Robot()));
        var origin = canvas.localToScreen(0, 0);
        fx(() -> robot.get().mouseMove(origin.getX() + seven[0][0], origin.getY() + seven[0][1]));
        fx(() -> robot.get().mousePress(MouseButton.PRIMARY));
        // Each move in its own event so the window sees a real drag, segment by segment.
        for (int i = 1; i < seven.length; i++) {
            for (int step = 1; step <= 8; step++) {
                double t = step / 8.0;
                double x = seven[i - 1][0] + t * (seven[i][0] - seven[i - 1][0]);
                double y = seven[i - 1][1] + t * (seven[i][1] - seven[i - 1][1]);
                fx(() -> robot.get().mouseMove(origin.getX() + x, origin.getY() + y));
                Thread.sleep(15);
            }
        }
        fx(() -> robot.get().mouseRelease(MouseButton.PRIMARY));
        Thread.sleep(1500);
        capture(stage, out.resolve("drawing-pad.png"));
        if (args.length > 1) everyTabAtEverySize(stage, Path.of(args[1]));
        Platform.exit();
        System.exit(0);
    }

    private static void selectTab(Scene scene, String title) throws InterruptedException {
        fx(() -> {
            TabPane tabs = (TabPane) scene.lookup("#mainTabs");
            tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
    }

    private static final String[] TABS = {"Learning curves", "Samples", "Inside the network", "Draw a digit", "My digits"};
    private static final int[][] SIZES = {{1024, 700}, {1280, 720}, {1440, 900}, {1920, 1080}};

    private static void everyTabAtEverySize(Stage stage, Path folder) throws Exception {
        for (int[] size : SIZES) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (String tab : TABS) {
                selectTab(stage.getScene(), tab);
                Thread.sleep(1200); // the tab lays out and draws at its new size
                String name = tab.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                capture(stage, folder.resolve(size[0] + "x" + size[1] + "-" + name + ".png"));
            }
        }
    }

    /** The window only (no window manager: it sits at the screen's top left), at its current size. */
    static void capture(Stage stage, Path file) throws Exception {
        file.toAbsolutePath().getParent().toFile().mkdirs();
        AtomicReference<String> crop = new AtomicReference<>();
        fx(() -> crop.set((int) stage.getWidth() + "x" + (int) stage.getHeight() + "+" + (int) stage.getX() + "+"
                + (int) stage.getY()));
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", crop.get(), "+repage", file.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("import failed");
    }

    /** Starts JavaFX and the lab's window at the screen's top left, and returns its stage. */
    static Stage openLab() throws InterruptedException {
        AtomicReference<Stage> stage = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage s = new Stage();
            new LabApp().start(s);
            s.setX(0);
            s.setY(0);
            stage.set(s);
            started.countDown();
        });
        started.await();
        return stage.get();
    }

    static void fx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        while (true) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            fx(() -> ok.set(condition.getAsBoolean()));
            if (ok.get()) return;
            Thread.sleep(200);
        }
    }
}
