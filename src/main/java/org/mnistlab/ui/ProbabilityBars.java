package org.mnistlab.ui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mnistlab.network.TrainedModel;

/** The network's 10 probabilities as horizontal bars, the winner highlighted. */
public final class ProbabilityBars {
    private final VBox root = new VBox(3);
    private final ProgressBar[] bars = new ProgressBar[10];
    private final Label[] values = new Label[10];

    public ProbabilityBars() {
        root.getStyleClass().add("probability-bars");
        for (int d = 0; d < 10; d++) {
            Label digit = new Label(String.valueOf(d));
            digit.setMinWidth(14);
            bars[d] = new ProgressBar(0);
            bars[d].setPrefWidth(180);
            bars[d].setId("probability" + d);
            values[d] = new Label("–");
            values[d].setMinWidth(48);
            HBox row = new HBox(6, digit, bars[d], values[d]);
            row.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().add(row);
        }
    }

    public Node node() {
        return root;
    }

    /** @param probabilities 10 values, or null to clear */
    public void show(float[] probabilities) {
        int best = probabilities == null ? -1 : TrainedModel.argMax(probabilities);
        for (int d = 0; d < 10; d++) {
            double p = probabilities == null ? 0 : probabilities[d];
            bars[d].setProgress(p);
            values[d].setText(probabilities == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * p));
            bars[d].getStyleClass().remove("winner");
            if (d == best) bars[d].getStyleClass().add("winner");
        }
    }
}
