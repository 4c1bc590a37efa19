package org.mnistlab.ui;

import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/**
 * The window's bottom line (ControlsFX {@link StatusBar}): what is happening, its progress, and
 * the compute backend on the right.
 */
public final class StatusBarView {
    private final StatusBar bar = new StatusBar();
    private final Label backend = new Label("CPU");

    public StatusBarView() {
        bar.setText("Starting…");
        backend.getStyleClass().add("backend-label");
        backend.setTooltip(Texts.tip("Where training runs: the CPU, or a GPU through CUDA."));
        bar.getRightItems().add(backend);
    }

    public StatusBar node() {
        return bar;
    }

    public void setBackend(String text) {
        backend.setText(text);
    }

    /** Follows a background task's message and progress until it ends. */
    public void showTask(Worker<?> task) {
        bar.textProperty().bind(task.messageProperty());
        bar.progressProperty().bind(task.progressProperty());
    }

    /** Shows a line set directly (training progress, throttled by the caller). */
    public void show(String text, double progress) {
        bar.textProperty().unbind();
        bar.progressProperty().unbind();
        bar.setText(text);
        bar.setProgress(progress);
    }

    public void showIdle() {
        show("Ready", 0);
    }
}
