package org.mnistlab.ui.charts;

import java.util.Arrays;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * The picture "Save charts as PNG…" writes, for a report: the two charts as the window shows them
 * and, below, a legend of the runs on them, at twice the screen's scale so that it stays sharp
 * when printed. The run list, its check boxes and the buttons around the charts are left out:
 * they mean nothing on paper. Taken on the FX thread (only it can take snapshots).
 */
final class ChartPicture {
    /** Pixels per screen pixel: 2× is what a slide or a printed page needs from a 96-dpi screen. */
    static final double SCALE = 2;

    /** Row-major ARGB pixels, as {@code ImageFiles.writePng} takes them. */
    record Pixels(int[] argb, int width, int height) {}

    private ChartPicture() {}

    /**
     * {@code charts} above a legend of {@code runs} (each run's swatch and label) and the
     * {@code key} that says which line is which.
     */
    static Pixels take(Node charts, List<RecordedRun> runs, String key, List<String> stylesheets) {
        Pixels plot = snapshot(charts);
        VBox legend = legend(runs, key);
        legend.setPrefWidth(charts.getLayoutBounds().getWidth());
        // Off-screen, in a scene of its own so that it gets the window's styles (the swatches' shapes).
        Scene scene = new Scene(new Group(legend));
        scene.getStylesheets().setAll(stylesheets);
        Pixels below = snapshot(legend);
        return stacked(plot, below);
    }

    /** What the legend says: one line per run, then the key. */
    static VBox legend(List<RecordedRun> runs, String key) {
        VBox legend = new VBox(4);
        legend.setPadding(new Insets(4, 12, 8, 12));
        legend.setStyle("-fx-background-color: white;");
        for (RecordedRun run : runs) {
            Label label = new Label(run.label().get());
            label.setWrapText(true);
            HBox line = new HBox(8, SeriesStyle.swatch(run.color(), run.number()), label);
            line.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(line);
        }
        Label keyLabel = new Label(key);
        keyLabel.setWrapText(true);
        keyLabel.getStyleClass().add("hint");
        legend.getChildren().add(keyLabel);
        return legend;
    }

    private static Pixels snapshot(Node node) {
        SnapshotParameters scaled = new SnapshotParameters();
        scaled.setTransform(Transform.scale(SCALE, SCALE));
        scaled.setFill(Color.WHITE);
        WritableImage image = node.snapshot(scaled, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new Pixels(argb, width, height);
    }

    /** {@code top} above {@code bottom}, on white where one is narrower. */
    static Pixels stacked(Pixels top, Pixels bottom) {
        int width = Math.max(top.width(), bottom.width());
        int height = top.height() + bottom.height();
        int[] argb = new int[width * height];
        Arrays.fill(argb, 0xFFFFFFFF);
        for (int y = 0; y < top.height(); y++) {
            System.arraycopy(top.argb(), y * top.width(), argb, y * width, top.width());
        }
        for (int y = 0; y < bottom.height(); y++) {
            System.arraycopy(bottom.argb(), y * bottom.width(), argb, (top.height() + y) * width, bottom.width());
        }
        return new Pixels(argb, width, height);
    }
}
