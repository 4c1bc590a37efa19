package org.mnistlab.ui.pad;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.mnistlab.inspection.ActivationStrip;
import org.mnistlab.inspection.DivergingScale;
import org.mnistlab.inspection.UnitWeights;
import org.mnistlab.inspection.WeightGrid;
import org.mnistlab.ui.ColourImages;
import org.mnistlab.ui.Texts;

/**
 * Every hidden layer's activations for the drawing, one cell per unit (sampled beyond 64), red
 * for a unit that fires, white for a silent one. A first-layer cell leads to that unit's weight
 * picture: what it looks for in the image.
 */
final class ActivationStripsView {
    private static final double CELL_W = 9;
    private static final double CELL_H = 18;

    private final VBox strips = new VBox(6);
    private final ImageView unitWeights = new ImageView();
    private final Label unitCaption = Texts.hint("");
    private final VBox root;
    private WeightGrid weights;
    private ActivationStrip firstLayer;

    ActivationStripsView() {
        strips.setId("activationStrips");
        unitWeights.setId("padUnitWeights");
        unitWeights.setFitWidth(84);
        unitWeights.setFitHeight(84);
        unitWeights.setSmooth(false);
        unitCaption.setId("padUnitCaption");
        unitCaption.setMaxWidth(200);
        VBox unit = new VBox(4, unitWeights, unitCaption);
        HBox body = new HBox(16, strips, unit);
        root = new VBox(6, Texts.heading("What each hidden layer does with your drawing"),
                Texts.hint("Each cell is one unit: the redder, the more it fires for this drawing. Point at a cell of "
                        + "the first layer to see the weights it looks through; the strongest is shown to begin with."),
                body);
    }

    Node node() {
        return root;
    }

    /** The model's first-layer weight pictures, for the link from a cell to its unit. */
    void useWeights(WeightGrid grid) {
        weights = grid;
        showUnit(firstLayer == null ? -1 : firstLayer.strongestCell());
    }

    /** @param layers null or empty clears the strips */
    void show(List<ActivationStrip> layers, boolean noHiddenLayers) {
        strips.getChildren().clear();
        firstLayer = layers == null || layers.isEmpty() ? null : layers.get(0);
        if (noHiddenLayers) {
            strips.getChildren().add(Texts.hint("This network has no hidden layer: the input goes straight to the "
                    + "10 outputs."));
        }
        if (layers != null) {
            for (ActivationStrip strip : layers) strips.getChildren().add(row(strip));
        }
        showUnit(firstLayer == null ? -1 : firstLayer.strongestCell());
    }

    private Node row(ActivationStrip strip) {
        HBox cells = new HBox(1);
        cells.getStyleClass().add("activation-strip");
        cells.setId("strip" + strip.layer());
        for (int c = 0; c < strip.units().length; c++) {
            Rectangle cell = new Rectangle(CELL_W, CELL_H);
            int argb = DivergingScale.argb(strip.values()[c], strip.largest());
            cell.setFill(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
            cell.getStyleClass().add("activation-cell");
            if (c == strip.strongestCell()) cell.getStyleClass().add("strongest");
            cell.setUserData(strip.values()[c]);
            Tooltip.install(cell, new Tooltip(String.format(Locale.ROOT, "Unit %d: %.3f", strip.units()[c],
                    strip.values()[c])));
            if (strip.layer() == 1) {
                int index = c;
                cell.setOnMouseEntered(e -> showUnit(index));
            }
            cells.getChildren().add(cell);
        }
        String shown = strip.sampled()
                ? String.format(Locale.ROOT, "%d units, %d shown, evenly spaced", strip.totalUnits(),
                        strip.units().length)
                : strip.totalUnits() + " units";
        Label name = new Label("Hidden layer " + strip.layer() + " · " + shown);
        name.getStyleClass().add("hint");
        VBox row = new VBox(2, name, cells);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Shows the weight picture behind cell {@code cell} of the first layer, if there is one. */
    private void showUnit(int cell) {
        if (firstLayer == null || cell < 0 || weights == null || weights.outputTemplates()) {
            unitWeights.setImage(null);
            unitCaption.setText(firstLayer == null ? "" : "No unit fires for this drawing.");
            return;
        }
        int unit = firstLayer.units()[cell];
        if (unit >= weights.shown()) {
            unitWeights.setImage(null);
            unitCaption.setText("Unit " + unit + ": beyond the " + weights.shown() + " weight pictures kept.");
            return;
        }
        UnitWeights w = weights.units().get(unit);
        unitWeights.setImage(ColourImages.of(w.argb(), 28, 28));
        unitCaption.setText(String.format(Locale.ROOT, "First-layer unit %d fires %.2f%s. Its weights: red where "
                + "ink excites it, blue where ink inhibits it.", unit, firstLayer.values()[cell],
                cell == firstLayer.strongestCell() ? " (the strongest)" : ""));
    }
}
