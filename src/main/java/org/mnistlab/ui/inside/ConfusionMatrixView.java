package org.mnistlab.ui.inside;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.mnistlab.inspection.ConfusionCells;
import org.mnistlab.ui.Texts;

/**
 * The 10×10 matrix: rows the true digit, columns the answer, each cell its count, shaded by its
 * share of the row; recall at the end of each row, precision under each column.
 */
final class ConfusionMatrixView {
    static final double CELL = 33;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final Color RIGHT = Color.web("#1e8449");
    private static final Color WRONG = Color.web("#c0392b");

    private final GridPane grid = new GridPane();
    private final Label[][] cells = new Label[10][10];
    private final Label[] recall = new Label[10];
    private final Label[] precision = new Label[10];

    /** @param onClick gets (true digit, answer) of a clicked cell */
    ConfusionMatrixView(BiConsumer<Integer, Integer> onClick) {
        grid.setId("confusionMatrix");
        grid.getStyleClass().add("confusion-matrix");
        grid.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // counts and headers never elide
        grid.setHgap(2);
        grid.setVgap(2);
        Label corner = new Label("true ↓");
        corner.getStyleClass().add("hint");
        corner.setMinWidth(62); // the precision row's header sits in this column too
        grid.add(corner, 0, 0);
        for (int d = 0; d < 10; d++) {
            grid.add(header(String.valueOf(d)), d + 1, 0);
            grid.add(header(String.valueOf(d)), 0, d + 1);
        }
        Label recallHeader = header("recall");
        recallHeader.setTooltip(Texts.tip("Recall: of all the test images of this digit, the share the network "
                + "read right (its per-digit accuracy)."));
        grid.add(recallHeader, 11, 0);
        Label precisionHeader = header("precision");
        precisionHeader.setTooltip(Texts.tip("Precision: of all the times the network answered this digit, the "
                + "share that were right."));
        grid.add(precisionHeader, 0, 11);
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                Label cell = new Label();
                cell.setId("cell-" + a + "-" + p);
                cell.getStyleClass().add("confusion-cell");
                cell.setMinSize(CELL, CELL);
                cell.setPrefSize(CELL, CELL);
                cell.setAlignment(Pos.CENTER);
                int actual = a, predicted = p;
                cell.setOnMouseClicked(e -> onClick.accept(actual, predicted));
                cells[a][p] = cell;
                grid.add(cell, p + 1, a + 1);
            }
            recall[a] = rate("recall" + a);
            grid.add(recall[a], 11, a + 1);
            precision[a] = rate("precision" + a);
            grid.add(precision[a], a + 1, 11);
        }
    }

    Node node() {
        return grid;
    }

    void show(ConfusionCells matrix) {
        double worstMistake = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                if (a != p) worstMistake = Math.max(worstMistake, matrix.rowShare(a, p));
            }
        }
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                Label cell = cells[a][p];
                int count = matrix.count(a, p);
                double share = matrix.rowShare(a, p);
                cell.setText(count == 0 ? "" : String.valueOf(count));
                // Mistakes are a few percent of a row at most: shaded against the worst one, so
                // the confusions stand out; the diagonal against the whole row.
                double strength = a == p ? share : worstMistake == 0 ? 0 : share / worstMistake;
                Color base = a == p ? RIGHT : WRONG;
                cell.setBackground(new Background(new BackgroundFill(
                        Color.WHITE.interpolate(base, 0.08 + 0.72 * strength), null, null)));
                cell.setTextFill(strength > 0.55 ? Color.WHITE : Color.web("#2c3e50"));
                cell.setTooltip(Texts.tip(String.format(Locale.ROOT,
                        "%d read as %d: %,d images, %.1f%% of all %d's. Click to see them.", a, p, count,
                        100 * share, a)));
            }
            recall[a].setText(percent(matrix.report().perClassRecall()[a]));
            precision[a].setText(percent(matrix.report().perClassPrecision()[a]));
        }
    }

    void highlight(int actual, int predicted) {
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) cells[a][p].pseudoClassStateChanged(SELECTED, a == actual && p == predicted);
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("confusion-header");
        label.setMinWidth(CELL);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static Label rate(String id) {
        Label label = new Label("–");
        label.setId(id);
        label.getStyleClass().add("confusion-rate");
        label.setMinWidth(CELL + 14);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
