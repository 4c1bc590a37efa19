package org.mnistlab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A small window beside the lab's (the range test, the sweep, the settings table): owned by the
 * window {@code from} is in, so it closes with it and stays in front of it, and styled by the
 * same style sheet.
 */
public final class OwnedWindows {
    private OwnedWindows() {}

    public static Stage create(Node from, String title, Parent content) {
        Stage window = new Stage();
        Scene scene = new Scene(content);
        if (from.getScene() != null) {
            window.initOwner(from.getScene().getWindow());
            scene.getStylesheets().addAll(from.getScene().getStylesheets());
        }
        window.setTitle(title);
        window.setScene(scene);
        return window;
    }
}
