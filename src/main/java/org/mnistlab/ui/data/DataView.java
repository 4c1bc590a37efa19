package org.mnistlab.ui.data;

import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.Texts;

/** One line saying which data the lab trains on, and buttons to change it. */
public final class DataView {
    private final VBox root = new VBox(4);

    public DataView(DataViewModel vm, FileDialogs dialogs, ObservableBooleanValue training) {
        Label description = Texts.hint("");
        description.setId("dataDescription");
        description.textProperty().bind(vm.description());

        Button folder = new Button("Choose folder…");
        folder.setId("dataFolderButton");
        folder.setTooltip(Texts.tip("Train on another copy of MNIST: a folder with the four IDX files "
                + "(train-images-idx3-ubyte and the others, raw or .gz)."));
        folder.setOnAction(e -> {
            Path chosen = dialogs.chooseDataFolder(root.getScene().getWindow());
            if (chosen != null) vm.useFolder(chosen);
        });
        Button bundled = new Button("Bundled");
        bundled.setId("dataBundledButton");
        bundled.setTooltip(Texts.tip("Go back to the MNIST that comes with the lab."));
        bundled.setOnAction(e -> vm.useBundled());
        bundled.visibleProperty().bind(vm.usingBundled().not());
        bundled.managedProperty().bind(bundled.visibleProperty());
        BooleanBinding busy = vm.loading().or(training);
        folder.disableProperty().bind(busy);
        bundled.disableProperty().bind(busy);

        // The heading and the buttons share a row, so that the designer below has the height.
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, Texts.heading("Data"), spacer, folder, bundled);
        row.setAlignment(Pos.CENTER_LEFT);
        description.setMinHeight(Region.USE_PREF_SIZE);
        root.getChildren().addAll(row, description);
        root.getStyleClass().add("data-panel");
    }

    public Node node() {
        return root;
    }
}
