package org.mnistlab.ui.pad;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.mnistlab.LabException;
import org.mnistlab.drawing.BlankImageException;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.ImageFiles;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.ui.Background;
import org.mnistlab.ui.LabContext;

/**
 * The drawing pad's strokes and what the current model reads in them.
 *
 * <p>Every change re-runs the prediction in a background {@link Service}: {@code restart} drops a
 * result that is already out of date, so a fast drag costs at most one wasted forward pass.
 * The strokes are rendered with Java2D and go through the same preprocessing as
 * {@code predict}, so the pad and the CLI always agree.
 */
public final class PadViewModel {
    public static final int SIZE = 280;
    public static final double BRUSH = 20;

    private final LabContext context;
    private final List<List<double[]>> strokes = new ArrayList<>();
    private final ObjectProperty<float[]> probabilities = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> networkInput = new SimpleObjectProperty<>();
    private final IntegerProperty predicted = new SimpleIntegerProperty(-1);
    private final StringProperty message = new SimpleStringProperty("Draw a digit (0–9) in the black box.");
    private final Service<Reading> reader = new Service<>() {
        @Override
        protected Task<Reading> createTask() {
            List<List<double[]>> snapshot = copyOfStrokes();
            TrainedModel model = context.model().get();
            return Background.task(() -> read(snapshot, model));
        }
    };

    /** What one reading found: the 28×28 input and the 10 probabilities (null when there is nothing to read). */
    record Reading(float[] input, float[] probabilities, String message) {}

    public PadViewModel(LabContext context) {
        this.context = context;
        reader.setOnSucceeded(e -> show(reader.getValue()));
        reader.setOnFailed(e -> {
            message.set("Could not read the drawing: " + reader.getException().getMessage());
            context.report("Could not read the drawing", reader.getException());
        });
        context.model().addListener((obs, old, model) -> update());
    }

    public void startStroke(double x, double y) {
        List<double[]> stroke = new ArrayList<>();
        stroke.add(new double[] {x, y});
        strokes.add(stroke);
        update();
    }

    public void extendStroke(double x, double y) {
        if (strokes.isEmpty()) {
            startStroke(x, y);
            return;
        }
        strokes.get(strokes.size() - 1).add(new double[] {x, y});
        update();
    }

    public void undo() {
        if (!strokes.isEmpty()) strokes.remove(strokes.size() - 1);
        update();
    }

    public void clear() {
        strokes.clear();
        update();
    }

    /**
     * Reads a digit from an image file (dropped on the pad) instead of the strokes, which are
     * cleared. A file that is not an image, is empty, or is blank gets a message, not a guess.
     */
    public void readImageFile(Path file) {
        strokes.clear();
        reader.cancel();
        TrainedModel model = context.model().get();
        message.set("Reading " + file.getFileName() + "…");
        Background.start(Background.task(() -> {
            float[] input;
            try {
                input = DigitPreprocessor.toMnist(ImageFiles.read(file));
            } catch (BlankImageException e) {
                throw new BlankImageException(file.getFileName() + ": " + e.getMessage());
            }
            String from = "Read from " + file.getFileName() + ".";
            return model == null ? new Reading(input, null, from + " No model yet: train one first.")
                    : new Reading(input, model.probabilities(input), from);
        }), "lab-image-reader", this::show, error -> {
            show(new Reading(null, null, error instanceof LabException ? error.getMessage()
                    : "Could not read " + file.getFileName() + "."));
            if (!(error instanceof LabException)) context.report("Could not read " + file.getFileName(), error);
        });
    }

    public List<List<double[]>> strokes() {
        return strokes;
    }

    private void update() {
        if (strokes.isEmpty()) {
            reader.cancel();
            show(new Reading(null, null, "Draw a digit (0–9) in the black box."));
            return;
        }
        reader.restart();
    }

    private void show(Reading reading) {
        networkInput.set(reading.input());
        probabilities.set(reading.probabilities());
        predicted.set(reading.probabilities() == null ? -1 : TrainedModel.argMax(reading.probabilities()));
        message.set(reading.message());
    }

    private List<List<double[]>> copyOfStrokes() {
        List<List<double[]>> copy = new ArrayList<>();
        for (List<double[]> s : strokes) copy.add(List.copyOf(s));
        return copy;
    }

    static Reading read(List<List<double[]>> strokes, TrainedModel model) {
        float[] input;
        try {
            input = DigitPreprocessor.toMnist(ImageFiles.toInk(render(strokes)));
        } catch (BlankImageException e) {
            return new Reading(null, null, "Draw a digit (0–9) in the black box.");
        }
        if (model == null) {
            return new Reading(input, null, "No model yet: train one, or wait for the default model to load.");
        }
        return new Reading(input, model.probabilities(input), "");
    }

    /** The strokes as the white-on-black picture the user sees. */
    static BufferedImage render(List<List<double[]>> strokes) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) BRUSH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (List<double[]> stroke : strokes) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(stroke.get(0)[0], stroke.get(0)[1]);
            for (double[] p : stroke) path.lineTo(p[0], p[1]);
            if (stroke.size() == 1) path.lineTo(stroke.get(0)[0] + 0.01, stroke.get(0)[1]); // a click is a dot
            g.draw(path);
        }
        g.dispose();
        return image;
    }

    public ObjectProperty<float[]> probabilities() { return probabilities; }
    public ObjectProperty<float[]> networkInput() { return networkInput; }
    public IntegerProperty predicted() { return predicted; }
    public StringProperty message() { return message; }
}
