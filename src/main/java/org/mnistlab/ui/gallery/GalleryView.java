package org.mnistlab.ui.gallery;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.mnistlab.ui.DigitImages;
import org.mnistlab.ui.ProbabilityBars;
import org.mnistlab.ui.Texts;

/** A grid of test digits, green where the network is right and red where it is wrong. */
public final class GalleryView {
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private static final double SIDE_WIDTH = 216;

    private final GalleryViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TilePane grid = new TilePane(6, 6);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final ImageView large = new ImageView();
    private final Label detail = new Label();

    public GalleryView(GalleryViewModel vm) {
        this.vm = vm;
        CheckBox mistakes = new CheckBox("Mistakes only");
        mistakes.setId("mistakesOnly");
        mistakes.selectedProperty().bindBidirectional(vm.mistakesOnly());
        mistakes.setTooltip(Texts.tip("Show only test images the network gets wrong: often you would "
                + "hesitate too."));
        Button more = new Button("New samples");
        more.setId("newSamples");
        more.setOnAction(e -> vm.newSamples());
        Label caption = new Label();
        caption.setId("galleryCaption");
        caption.textProperty().bind(vm.caption());
        // The controls keep their words; the caption gives way, and wraps, at 1024 px.
        mistakes.setMinWidth(Region.USE_PREF_SIZE);
        more.setMinWidth(Region.USE_PREF_SIZE);
        caption.setWrapText(true);
        caption.setMinWidth(0);
        HBox.setHgrow(caption, Priority.ALWAYS);
        HBox top = new HBox(10, mistakes, more, caption);
        top.setId("galleryTools");
        top.setAlignment(Pos.CENTER_LEFT);

        grid.setId("galleryGrid");
        grid.setPrefColumns(8);
        grid.getStyleClass().add("gallery-grid");
        large.setFitWidth(168);
        large.setFitHeight(168);
        large.setSmooth(false);
        detail.setId("galleryDetail");
        detail.setWrapText(true);
        VBox side = new VBox(10, large, detail, new Label("What the network thinks:"), bars.node());
        // A fixed width: the grid keeps its columns whatever the detail says.
        side.setMinWidth(SIDE_WIDTH);
        side.setPrefWidth(SIDE_WIDTH);
        side.setMaxWidth(SIDE_WIDTH);
        detail.setMaxWidth(SIDE_WIDTH - 16);
        side.getStyleClass().add("gallery-detail");

        root.setTop(top);
        root.setCenter(grid);
        root.setRight(side);
        BorderPane.setMargin(top, new javafx.geometry.Insets(0, 0, 8, 0));
        vm.items().addListener((ListChangeListener<GalleryItem>) c -> rebuild());
        vm.selected().addListener((obs, old, item) -> {
            highlight(item);
            showDetail(item);
        });
    }

    public Node node() {
        return root;
    }

    private void rebuild() {
        grid.getChildren().clear();
        for (GalleryItem item : vm.items()) grid.getChildren().add(tile(item));
        if (vm.items().isEmpty()) grid.getChildren().add(new Label("No images to show: no mistakes here!"));
        highlight(vm.selected().get());
    }

    /** Marks the tile of {@code selected}; each tile's user data is its item. */
    private void highlight(GalleryItem selected) {
        for (Node tile : grid.getChildren()) {
            tile.pseudoClassStateChanged(SELECTED, selected != null && tile.getUserData() == selected);
        }
    }

    private Node tile(GalleryItem item) {
        ImageView image = new ImageView(DigitImages.of(item.intensities()));
        image.setFitWidth(56);
        image.setFitHeight(56);
        image.setSmooth(false);
        Label label = new Label(item.tileLabel());
        label.getStyleClass().add("gallery-label");
        VBox tile = new VBox(2, image, label);
        tile.setAlignment(Pos.CENTER);
        tile.getStyleClass().add("gallery-tile");
        tile.pseudoClassStateChanged(WRONG, !item.correct());
        tile.setUserData(item);
        tile.setOnMouseClicked(e -> vm.selected().set(item));
        Tooltip.install(tile, Texts.tip("Test image #" + item.index() + ": true label " + item.actual()
                + ", network says " + item.predicted() + ". Click for its probabilities."));
        return tile;
    }

    private void showDetail(GalleryItem item) {
        if (item == null) {
            large.setImage(null);
            detail.setText("");
            bars.show(null);
            return;
        }
        large.setImage(DigitImages.of(item.intensities()));
        detail.setText(item.description());
        bars.show(item.probabilities());
    }
}
