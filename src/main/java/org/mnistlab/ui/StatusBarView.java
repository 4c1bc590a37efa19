package org.mnistlab.ui;

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

    /** "CPU · 2 threads", or "CPU" until the backend has answered. */
    public String backend() {
        return backend.getText();
    }

    public void setBackend(String text) {
        backend.setText(text);
    }

    /** Shows a line and its progress (-1: under way, length unknown; 0: nothing under way). */
    public void show(String text, double progress) {
        bar.setText(text);
        bar.setProgress(progress);
    }

    public void showIdle() {
        show("Ready", 0);
    }
}
