package org.mnistlab.ui.inside;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mnistlab.inspection.LayerSummary;
import org.mnistlab.inspection.NetworkInspection;
import org.mnistlab.inspection.Verdict;
import org.mnistlab.ui.DigitImages;
import org.mnistlab.ui.ProbabilityBars;
import org.mnistlab.ui.Texts;

/**
 * "Inside the network": the confusion matrix beside the images of the chosen cell and one image's
 * probabilities; below, the first layer's weight pictures and every layer's weight histogram.
 */
public final class InsideView {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");

    private final InsideViewModel vm;
    private final ScrollPane root;
    private final ConfusionMatrixView matrix;
    private final FlowPane images = new FlowPane(6, 6);
    private final ImageView large = new ImageView();
    private final Label detail = new Label();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final WeightGridView weights = new WeightGridView();
    private final Label weightsCaption = Texts.hint("");
    private final VBox layers = new VBox(8);

    public InsideView(InsideViewModel vm) {
        this.vm = vm;
        matrix = new ConfusionMatrixView(vm::selectCell);
        Label caption = new Label();
        caption.setId("insideCaption");
        caption.textProperty().bind(vm.caption());

        Button mistakes = new Button("Most confident mistakes");
        mistakes.setId("mostConfidentMistakes");
        mistakes.setTooltip(Texts.tip("The test images the network got wrong while being most sure of itself."));
        mistakes.setOnAction(e -> vm.showMostConfidentMistakes());
        Button shaky = new Button("Least confident right answers");
        shaky.setId("leastConfidentCorrect");
        shaky.setTooltip(Texts.tip("Right answers the network nearly got wrong: what it finds hard."));
        shaky.setOnAction(e -> vm.showLeastConfidentCorrect());
        Label matrixHint = Texts.hint("Rows: the true digit. Columns: the network's answer. Click a cell to see "
                + "its images. Green: right; red: mistakes, darker for the more common confusions.");
        matrixHint.setMaxWidth(11 * ConfusionMatrixView.CELL + 60);
        Label matrixHeading = Texts.heading("");
        matrixHeading.textProperty().bind(Bindings.concat("Confusion matrix (", vm.imagesName(), ")"));
        CheckBox onValidation = new CheckBox("On the validation images");
        onValidation.setId("insideOnValidation");
        onValidation.selectedProperty().bindBidirectional(vm.onValidation());
        onValidation.disableProperty().bind(vm.validationAvailable().not());
        onValidation.setTooltip(Texts.tip("For a run that held validation images out: the images it measured "
                + "itself on while training, instead of the test set it never saw."));
        HBox headingRow = new HBox(12, matrixHeading, onValidation);
        headingRow.setAlignment(Pos.BASELINE_LEFT);
        VBox matrixBox = new VBox(8, headingRow, matrix.node(), matrixHint, new HBox(8, mistakes, shaky));

        Label listTitle = new Label();
        listTitle.setWrapText(true);
        listTitle.setId("insideListTitle");
        listTitle.getStyleClass().add("summary");
        listTitle.textProperty().bind(vm.listTitle());
        images.setId("insideImages");
        ScrollPane imageScroll = new ScrollPane(images);
        imageScroll.setFitToWidth(true);
        imageScroll.setPrefViewportHeight(250);
        imageScroll.setMinWidth(200);

        large.setFitWidth(84);
        large.setFitHeight(84);
        large.setSmooth(false);
        detail.setId("insideDetail");
        detail.setWrapText(true);
        detail.setMaxWidth(130);
        Button toPad = new Button("Draw it on the pad");
        toPad.setId("drawOnPad");
        toPad.setTooltip(Texts.tip("Copy this image to the drawing pad as the start of a drawing: add or erase "
                + "strokes and watch the answer change."));
        toPad.disableProperty().bind(vm.selected().isNull());
        toPad.setOnAction(e -> vm.drawSelectedOnPad());
        HBox detailBox = new HBox(12, new VBox(6, large, detail), new VBox(6, bars.node(), toPad));
        VBox listBox = new VBox(8, listTitle, imageScroll, detailBox);
        HBox.setHgrow(listBox, Priority.ALWAYS);

        HBox top = new HBox(16, matrixBox, listBox);

        weightsCaption.setId("weightsCaption");
        Label weightsHint = Texts.hint("Each picture is one unit's 784 incoming weights laid out like the image: "
                + "red where ink makes the unit fire, blue where ink holds it back, white where it does not care. "
                + "Each picture uses its own colour scale; hover for its weight norm. They change after every epoch "
                + "while the network trains.");
        VBox weightsBox = new VBox(6, Texts.heading("First-layer weights"), weightsCaption, weightsHint, weights.node());

        Label deadHint = Texts.hint(LayerSummary.DEAD_EXPLAINED + " Counted on "
                + LayerSummary.DEAD_SAMPLE + " test images.");
        layers.setId("layerSummaries");
        VBox layersBox = new VBox(6, Texts.heading("Every layer: weights and dead units"), deadHint, layers);

        VBox content = new VBox(14, caption, top, weightsBox, layersBox);
        content.setPadding(new Insets(0, 12, 12, 0));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("inside");

        vm.inspection().addListener((obs, old, inspection) -> show(inspection));
        vm.listed().addListener((ListChangeListener<Verdict>) c -> rebuildImages());
        vm.selected().addListener((obs, old, v) -> showDetail(v));
        vm.listing().addListener((obs, old, l) -> highlightCell());
    }

    public Node node() {
        return root;
    }

    private void show(NetworkInspection inspection) {
        if (inspection == null) return;
        matrix.show(inspection.cells());
        highlightCell();
        weights.show(inspection.weights());
        weightsCaption.setText(inspection.weights().caption());
        layers.getChildren().clear();
        for (LayerSummary layer : inspection.layers()) layers.getChildren().add(layerRow(layer));
    }

    private void highlightCell() {
        InsideViewModel.Listing l = vm.listing().get();
        boolean cell = l.kind() == InsideViewModel.Listing.Kind.CELL;
        matrix.highlight(cell ? l.actual() : -1, cell ? l.predicted() : -1);
    }

    private void rebuildImages() {
        images.getChildren().clear();
        for (Verdict v : vm.listed()) images.getChildren().add(tile(v));
        if (vm.listed().isEmpty()) images.getChildren().add(Texts.hint("No images in this cell."));
        markSelected(vm.selected().get());
    }

    private Node tile(Verdict v) {
        ImageView image = new ImageView(DigitImages.of(vm.pixels(v)));
        image.setFitWidth(56);
        image.setFitHeight(56);
        image.setSmooth(false);
        StringBuilder top3 = new StringBuilder();
        for (int d : v.top(3)) {
            if (top3.length() > 0) top3.append('\n');
            top3.append(String.format(Locale.ROOT, "%d  %.1f%%", d, 100 * v.probabilities()[d]));
        }
        Label label = new Label(top3.toString());
        label.getStyleClass().add("top3");
        VBox tile = new VBox(2, image, label);
        tile.setAlignment(Pos.CENTER);
        tile.getStyleClass().add("gallery-tile");
        tile.pseudoClassStateChanged(WRONG, !v.correct());
        tile.setUserData(v);
        tile.setOnMouseClicked(e -> vm.select(v));
        return tile;
    }

    private void markSelected(Verdict selected) {
        for (Node tile : images.getChildren()) {
            tile.pseudoClassStateChanged(SELECTED, selected != null && tile.getUserData() == selected);
        }
    }

    private void showDetail(Verdict v) {
        markSelected(v);
        if (v == null) {
            large.setImage(null);
            detail.setText("");
            bars.show(null);
            return;
        }
        large.setImage(DigitImages.of(vm.pixels(v)));
        detail.setText("Test image #" + v.index() + ": a " + v.actual() + ", read as " + v.predicted()
                + (v.correct() ? " (right)" : " (wrong)") + String.format(Locale.ROOT, ", %.1f%% sure.",
                        100 * v.confidence()));
        detail.setTooltip(Texts.tip(detail.getText()));
        bars.show(v.probabilities());
    }

    private static Node layerRow(LayerSummary layer) {
        HistogramView histogram = new HistogramView(layer.weights(), 240, 60);
        String dead = Double.isNaN(layer.deadFraction()) ? "" : String.format(Locale.ROOT,
                " · dead ReLUs: %d of %d (%.1f%%)", Math.round(layer.deadFraction() * layer.units()), layer.units(),
                100 * layer.deadFraction());
        Label text = new Label(String.format(Locale.ROOT, "%s · %d → %d · weights from %.3f to %.3f%s",
                layer.name(), layer.inputs(), layer.units(), layer.weights().min(), layer.weights().max(), dead));
        text.getStyleClass().add("layer-summary");
        HBox row = new HBox(12, histogram.node(), text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
