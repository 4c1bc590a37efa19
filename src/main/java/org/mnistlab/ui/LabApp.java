package org.mnistlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The lab window. */
public class LabApp extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(LabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("MNIST Lab");
        stage.setScene(new Scene(new StackPane(new Label("MNIST Lab")), 1200, 800));
        stage.show();
    }
}
