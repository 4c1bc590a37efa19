package org.mnistlab.ui.inside;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import org.mnistlab.inspection.UnitWeights;
import org.mnistlab.inspection.WeightGrid;
import org.mnistlab.ui.ColourImages;
import org.mnistlab.ui.Texts;

/** The first layer's weight pictures in a grid; hovering one shows its unit and weight norm. */
final class WeightGridView {
    private final TilePane grid = new TilePane(3, 3);

    WeightGridView() {
        grid.setId("weightGrid");
        grid.getStyleClass().add("weight-grid");
    }

    Node node() {
        return grid;
    }

    /** Replaces every picture; the tiles are reused when the unit count is unchanged (each epoch). */
    void show(WeightGrid weights) {
        List<UnitWeights> units = weights.units();
        double side = units.size() <= 256 ? 42 : 28;
        if (grid.getChildren().size() != units.size()) {
            grid.getChildren().clear();
            for (int i = 0; i < units.size(); i++) {
                ImageView tile = new ImageView();
                tile.setSmooth(false);
                tile.getStyleClass().add("weight-tile");
                grid.getChildren().add(tile);
            }
        }
        for (int i = 0; i < units.size(); i++) {
            UnitWeights unit = units.get(i);
            ImageView tile = (ImageView) grid.getChildren().get(i);
            tile.setFitWidth(side);
            tile.setFitHeight(side);
            tile.setImage(ColourImages.of(unit.argb(), 28, 28));
            tile.setUserData(unit);
            Tooltip.install(tile, tooltip(unit, weights.outputTemplates()));
        }
    }

    private static Tooltip tooltip(UnitWeights unit, boolean outputTemplates) {
        String name = outputTemplates ? "Output unit " + unit.unit() + " (digit " + unit.unit() + ")" : "Unit " + unit.unit();
        return Texts.tip(String.format(Locale.ROOT, "%s: incoming weight norm %.3f. Red pixels excite it when "
                + "inked, blue ones inhibit it.", name, unit.norm()));
    }
}
