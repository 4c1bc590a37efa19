package org.mnistlab.ui;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.mnistlab.AppVersion;

/** The Help menu's three windows: a short guide, the keyboard shortcuts, and About. */
public final class HelpDialogs {
    static final String GUIDE = String.join("\n\n",
            "1. Design a network on the left, or start from a course network. Every control explains itself "
                    + "in its tooltip; a bad value is marked and Train says why it cannot start.",
            "2. Train (Ctrl+Enter). The loss and the test accuracy are drawn as it learns. Change the learning "
                    + "rate while it runs: the charts mark the change.",
            "3. Train again with another setting: each run keeps its colour and line style, so you can compare. "
                    + "Hide or remove runs in the list below the charts.",
            "4. Samples shows test images with the network's answers; Draw a digit lets you test it yourself.",
            "5. File > Save model keeps the network; Export charts and Export runs are for your report.");

    private final Supplier<Window> owner;
    private final Supplier<String> backend;

    /** {@code backend}: what the status bar says the lab computes on. */
    public HelpDialogs(Supplier<Window> owner, Supplier<String> backend) {
        this.owner = owner;
        this.backend = backend;
    }

    public void guide() {
        show("guideDialog", "Guide", "How to use the lab", wrapped(GUIDE));
    }

    public void shortcuts() {
        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(4);
        String[] lines = LabMenuBar.SHORTCUTS.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].split("\t");
            Label key = new Label(parts[0]);
            key.getStyleClass().add("shortcut-key");
            keys.addRow(i, key, new Label(parts[1]));
        }
        show("shortcutsDialog", "Keyboard shortcuts", "Keyboard shortcuts", keys);
    }

    public void about() {
        show("aboutDialog", "About MNIST Lab", "MNIST Lab " + AppVersion.current(), wrapped(aboutText()));
    }

    String aboutText() {
        return String.join("\n",
                "A learning lab for neural networks on MNIST.",
                "",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "JavaFX " + System.getProperty("javafx.runtime.version", "unknown"),
                "Deeplearning4j " + jarVersion(org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class),
                "Computing on: " + backend.get());
    }

    /**
     * The version in a library's jar name ("deeplearning4j-nn-1.0.0-M2.1.jar"): DL4J's jars carry no
     * version in their manifest.
     */
    static String jarVersion(Class<?> type) {
        try {
            String name = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getFileName().toString();
            var version = java.util.regex.Pattern.compile("-(\\d[^/]*)\\.jar$").matcher(name);
            return version.find() ? version.group(1) : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(520);
        return label;
    }

    private void show(String id, String title, String header, javafx.scene.Node content) {
        Alert dialog = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id);
        if (owner.get() != null && owner.get().getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.get().getScene().getStylesheets());
        }
        dialog.show(); // not showAndWait: training goes on drawing behind it
    }
}
