package org.mnistlab.ui;

import static org.mnistlab.ui.ScreenshotTour.capture;
import static org.mnistlab.ui.ScreenshotTour.fx;
import static org.mnistlab.ui.ScreenshotTour.waitFor;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Takes the README's screenshots of the experiments (issue 13) in the real window, as
 * {@link ScreenshotTour} does (same command, this class's name): the notebook network with a
 * 5,000-image validation split, a range test with its suggestion applied, and a sweep of three
 * learning rates with its summary. Not a test.
 */
public final class ExperimentsTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Stage stage = ScreenshotTour.openLab();
        Scene scene = stage.getScene();
        Button train = (Button) scene.lookup("#trainButton");
        waitFor(() -> !train.isDisabled());
        fx(() -> {
            ((TextField) scene.lookup("#epochsField")).setText("3");
            ((TextField) scene.lookup("#validationField")).setText("5000");
            train.fire();
        });
        waitFor(train::isDisabled);
        waitFor(() -> !train.isDisabled());
        Thread.sleep(1500);
        capture(stage, out.resolve("validation-split.png"));

        fx(() -> ((Button) scene.lookup("#findRateButton")).fire());
        waitFor(() -> window("Learning-rate range test") != null);
        Scene range = window("Learning-rate range test").getScene();
        fx(() -> {
            Window w = range.getWindow();
            w.setX(640);
            w.setY(120);
        });
        Thread.sleep(1000);
        fx(() -> ((Button) range.lookup("#useSteepestRate")).fire());
        Thread.sleep(1000);
        capture(stage, out.resolve("range-test.png"));
        fx(() -> range.getWindow().hide());

        fx(() -> {
            ((TextField) scene.lookup("#epochsField")).setText("2");
            ((Button) scene.lookup("#compareRatesButton")).fire();
        });
        waitFor(() -> window("Compare learning rates") != null);
        Scene sweep = window("Compare learning rates").getScene();
        fx(() -> {
            sweep.getWindow().setX(700);
            sweep.getWindow().setY(140);
            ((TextField) sweep.lookup("#sweepRates")).setText("0.5,0.05,0.005");
            ((Button) sweep.lookup("#startSweep")).fire();
        });
        waitFor(() -> ((Label) sweep.lookup("#sweepProgress")).getText().startsWith("Done"));
        Thread.sleep(1500);
        capture(stage, out.resolve("sweep.png"));
        Platform.exit();
        System.exit(0);
    }

    /** The lab's window titled {@code title}, when it is showing. */
    private static Window window(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())
                && w.isShowing()).findFirst().orElse(null);
    }
}
