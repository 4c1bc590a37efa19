package org.mnistlab.ui;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A child process for {@link WindowCloseTest}: the real lab (bundled MNIST, the default network)
 * that presses Train, and once the loss curve is moving closes its window the way the window
 * manager's close button does. When JavaFX has shut down it prints which of the lab's own threads are left.
 */
public final class ClosingLab extends LabApp {
    private static volatile long closedAtNanos;

    /**
     * The child's entry point. Not on {@code ClosingLab} itself: the java launcher refuses to start
     * a main class that extends {@code Application} from the class path.
     */
    public static final class Child {
        private Child() {}

        public static void main(String[] args) {
            Application.launch(ClosingLab.class, args);
            printThreadsLeft();
        }
    }

    private static void printThreadsLeft() {
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("lab-")) // the exit itself shows no non-daemon thread is left
                .map(Thread::getName).sorted().toList();
        System.out.println("shut down in " + (System.nanoTime() - closedAtNanos) / 1_000_000 + " ms");
        System.out.println("threads left: " + left);
    }

    @Override
    public void start(Stage stage) {
        super.start(stage);
        Button train = (Button) stage.getScene().lookup("#trainButton");
        LineChart<?, ?> loss = (LineChart<?, ?>) stage.getScene().lookup("#lossChart");
        // Checked once a frame on the FX thread: Train once the data is in, close once the run is under way.
        new AnimationTimer() {
            private boolean pressed;

            @Override
            public void handle(long now) {
                if (!pressed && !train.isDisabled()) {
                    train.fire();
                    pressed = true;
                } else if (pressed && !loss.getData().isEmpty() && loss.getData().get(0).getData().size() > 3) {
                    stop();
                    System.out.println("training");
                    closedAtNanos = System.nanoTime();
                    stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
                }
            }
        }.start();
    }
}
