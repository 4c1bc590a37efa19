package org.mnistlab.ui.pad;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mnistlab.LabException;
import org.mnistlab.drawing.BlankImageException;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.ImageFiles;
import org.mnistlab.drawing.InkImage;
import org.mnistlab.drawing.Stroke;
import org.mnistlab.drawing.StrokeRenderer;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.LatestOnly;
import org.mnistlab.ui.TaskExecutor;

/**
 * The drawing pad's strokes and what the current model reads in them.
 *
 * <p>Every change renders the strokes once, here on the FX thread: that {@link #picture} is what
 * the canvas shows and what the network reads, through the same preprocessing as
 * {@code predict}, so the pad and the CLI always agree. The reading itself runs in the background;
 * a reading that is out of date when it ends is dropped ({@link LatestOnly}).
 */
public final class PadViewModel {
    /** The canvas is this many pixels square. */
    public static final int CANVAS_SIDE = 280;
    /** Width of the pen, in canvas pixels. */
    public static final float BRUSH = 20;
    static final String PROMPT = "Draw a digit (0–9) in the black box.";
    private static final InkImage BLANK = StrokeRenderer.toInk(List.of(), CANVAS_SIDE, BRUSH);

    private final LabContext context;
    private final TaskExecutor executor;
    private final List<Stroke> strokes = new ArrayList<>();
    private final ReadOnlyObjectWrapper<InkImage> picture = new ReadOnlyObjectWrapper<>(BLANK);
    private final ReadOnlyObjectWrapper<float[]> probabilities = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> networkInput = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper strokeCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper predicted = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(PROMPT);
    private final LatestOnly<Reading> reader;

    /** What one reading found: the 28×28 input and the 10 probabilities (null when there is nothing to read). */
    record Reading(float[] input, float[] probabilities, String message) {}

    public PadViewModel(LabContext context, TaskExecutor executor) {
        this.context = context;
        this.executor = executor;
        reader = new LatestOnly<>(executor, () -> {
            InkImage drawn = picture.get();
            TrainedModel model = context.model().get();
            return BackgroundTask.wrap(() -> read(drawn, model)).named("lab-pad-reader")
                    .onSuccess(this::show)
                    .onFailure(error -> {
                        message.set("Could not read the drawing: " + error.getMessage());
                        context.report("Could not read the drawing", error);
                    });
        });
        context.model().addListener((obs, old, model) -> update());
    }

    public void startStroke(double x, double y) {
        strokes.add(Stroke.at(x, y));
        update();
    }

    public void extendStroke(double x, double y) {
        if (strokes.isEmpty()) {
            startStroke(x, y);
            return;
        }
        strokes.set(strokes.size() - 1, strokes.get(strokes.size() - 1).then(x, y));
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
        picture.set(BLANK);
        reader.cancel();
        TrainedModel model = context.model().get();
        message.set("Reading " + file.getFileName() + "…");
        BackgroundTask.wrap(() -> {
            float[] input;
            try {
                input = DigitPreprocessor.toMnist(ImageFiles.read(file));
            } catch (BlankImageException e) {
                throw new BlankImageException(file.getFileName() + ": " + e.getMessage());
            }
            String from = "Read from " + file.getFileName() + ".";
            return model == null ? new Reading(input, null, from + " No model yet: train one first.")
                    : new Reading(input, model.probabilities(input), from);
        }).named("lab-image-reader").onSuccess(this::show).onFailure(error -> {
            show(new Reading(null, null, error instanceof LabException ? error.getMessage()
                    : "Could not read " + file.getFileName() + "."));
            if (!(error instanceof LabException)) context.report("Could not read " + file.getFileName(), error);
        }).executeWith(executor);
    }

    /** The strokes drawn so far, oldest first. */
    public List<Stroke> strokes() {
        return Collections.unmodifiableList(strokes);
    }

    private void update() {
        strokeCount.set(strokes.size());
        if (strokes.isEmpty()) {
            reader.cancel();
            picture.set(BLANK);
            show(new Reading(null, null, PROMPT));
            return;
        }
        picture.set(StrokeRenderer.toInk(strokes, CANVAS_SIDE, BRUSH));
        reader.request();
    }

    private void show(Reading reading) {
        networkInput.set(reading.input());
        probabilities.set(reading.probabilities());
        predicted.set(reading.probabilities() == null ? -1 : TrainedModel.argMax(reading.probabilities()));
        message.set(reading.message());
    }

    static Reading read(InkImage drawn, TrainedModel model) {
        float[] input;
        try {
            input = DigitPreprocessor.toMnist(drawn);
        } catch (BlankImageException e) {
            return new Reading(null, null, PROMPT);
        }
        if (model == null) {
            return new Reading(input, null, "No model yet: train one, or wait for the default model to load.");
        }
        return new Reading(input, model.probabilities(input), "");
    }

    /** The strokes as the white-on-black picture the canvas shows and the network reads. */
    public ReadOnlyObjectProperty<InkImage> picture() { return picture.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> probabilities() { return probabilities.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> networkInput() { return networkInput.getReadOnlyProperty(); }
    /** The digit read, or -1 when there is none. */
    public ReadOnlyIntegerProperty predicted() { return predicted.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    /** How many strokes Undo can take back. */
    public ReadOnlyIntegerProperty strokeCount() { return strokeCount.getReadOnlyProperty(); }
}
