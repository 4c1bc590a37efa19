package org.mnistlab.ui.mydigits;

import java.nio.file.Path;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.mnistlab.inspection.Verdict;
import org.mnistlab.ui.DigitImages;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.Texts;

/**
 * The My digits panel: how the current model scores the student's kept digits, the digits as a
 * grid (misread ones first, each with the label it was kept as, to correct, and Delete), "Train
 * with my digits", and Import… / Export… of the set as a zip.
 */
public final class MyDigitsView {
    private static final int TILE_SIDE = 56;
    private final BorderPane root = new BorderPane();
    private final TilePane grid = new TilePane(6, 6);
    private final MyDigitsViewModel vm;

    public MyDigitsView(MyDigitsViewModel vm, FileDialogs dialogs) {
        this.vm = vm;
        Label score = new Label();
        score.setId("myDigitsScore");
        score.getStyleClass().add("my-digits-score");
        score.setWrapText(true);
        score.textProperty().bind(vm.score());

        CheckBox train = new CheckBox("Train with my digits");
        train.setId("trainWithMyDigits");
        train.selectedProperty().bindBidirectional(vm.trainWithMine());
        train.setTooltip(Texts.tip("Adds your digits to the training images of the next runs, each shown "
                + "many times an epoch so that together they are about 5 % of it: a handful of drawings is not "
                + "lost among MNIST's 60,000. Train again and watch the score above change."));
        Label note = Texts.hint("");
        note.setId("myDigitsTrainingNote");
        note.textProperty().bind(vm.trainingNote());

        Button importZip = new Button("Import…");
        importZip.setId("importMyDigits");
        importZip.setTooltip(Texts.tip("Add the digits of a zip of PNGs with a labels.csv (a classmate's export)."));
        importZip.setOnAction(e -> {
            Path zip = dialogs.chooseMyDigitsToImport(root.getScene().getWindow());
            if (zip != null) vm.importFrom(zip);
        });
        Button exportZip = new Button("Export…");
        exportZip.setId("exportMyDigits");
        exportZip.setTooltip(Texts.tip("Save your digits as one zip of PNGs plus labels.csv, to pool a class's drawings."));
        exportZip.disableProperty().bind(vm.count().isEqualTo(0));
        exportZip.setOnAction(e -> {
            Path zip = dialogs.chooseExportTarget(root.getScene().getWindow(), "Export my digits", "my-digits.zip",
                    new FileChooser.ExtensionFilter("Zip of PNGs", "*.zip"));
            if (zip != null) vm.exportTo(zip);
        });
        Label action = Texts.hint("");
        action.setId("myDigitsAction");
        action.textProperty().bind(vm.lastAction());

        HBox trainRow = new HBox(10, train, note);
        trainRow.setAlignment(Pos.CENTER_LEFT);
        HBox files = new HBox(8, importZip, exportZip, action);
        files.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, score, trainRow, files);
        top.setPadding(new javafx.geometry.Insets(0, 0, 10, 0));

        grid.setId("myDigitsGrid");
        grid.setPrefColumns(8);
        vm.items().addListener((ListChangeListener<MyDigitsViewModel.Item>) change -> showItems());
        showItems();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("my-digits-scroll");
        root.setTop(top);
        root.setCenter(scroll);
        root.getStyleClass().add("my-digits");
    }

    public Node node() {
        return root;
    }

    private void showItems() {
        grid.getChildren().setAll(vm.items().stream().map(this::tile).toList());
    }

    private Node tile(MyDigitsViewModel.Item item) {
        ImageView picture = new ImageView(DigitImages.of(item.digit().pixels()));
        picture.setFitWidth(TILE_SIDE);
        picture.setFitHeight(TILE_SIDE);
        Verdict v = item.verdict();
        Label reading = new Label(v == null ? "…" : v.correct()
                ? String.format(Locale.ROOT, "read %d ✓ %.0f %%", v.predicted(), 100 * v.confidence())
                : String.format(Locale.ROOT, "read %d ✗ %.0f %%", v.predicted(), 100 * v.confidence()));
        reading.getStyleClass().add("my-digit-reading");
        ChoiceBox<Integer> label = new ChoiceBox<>();
        for (int d = 0; d <= 9; d++) label.getItems().add(d);
        label.setValue(item.digit().label());
        label.setTooltip(Texts.tip("The digit you drew. Wrong? Pick the right one."));
        label.setOnAction(e -> {
            if (label.getValue() != null) vm.relabel(item.digit(), label.getValue());
        });
        Button delete = new Button("✕");
        delete.getStyleClass().add("my-digit-delete");
        delete.setTooltip(Texts.tip("Delete this drawing from My digits."));
        delete.setOnAction(e -> vm.delete(item.digit()));
        HBox controls = new HBox(4, label, delete);
        controls.setAlignment(Pos.CENTER);
        VBox tile = new VBox(3, picture, reading, controls);
        tile.setAlignment(Pos.CENTER);
        tile.getStyleClass().add("my-digit-tile");
        if (item.misread()) tile.getStyleClass().add("misread");
        tile.setUserData(item);
        return tile;
    }
}
