package org.mnistlab.ui.pad;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
import org.mnistlab.inspection.DrawingReading;
import org.mnistlab.inspection.WeightGrid;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.LatestOnly;
import org.mnistlab.ui.TaskExecutor;
import org.mnistlab.ui.mydigits.MyDigitsViewModel;

/**
 * The drawing pad's strokes and what the current model reads in them.
 *
 * <p>Every change renders the strokes once, here on the FX thread: that {@link #picture} is what
 * the canvas shows and what the network reads, through the same preprocessing as
 * {@code predict}, so the pad and the CLI always agree. The reading itself runs in the background;
 * a reading that is out of date when it ends is dropped ({@link LatestOnly}). One forward pass
 * gives the answer and every hidden layer's activations ({@link DrawingReading}), so the strips
 * cost the pad nothing extra.
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
    private final MyDigitsViewModel myDigits;
    private final List<Stroke> strokes = new ArrayList<>();
    private final ReadOnlyObjectWrapper<InkImage> picture = new ReadOnlyObjectWrapper<>(BLANK);
    private final ReadOnlyObjectWrapper<float[]> probabilities = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> networkInput = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper strokeCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper predicted = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(PROMPT);
    private final ReadOnlyObjectWrapper<DrawingReading> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WeightGrid> firstLayer = new ReadOnlyObjectWrapper<>();
    private final LatestOnly<Read> reader;
    private final StringBinding answer = Bindings.createStringBinding(
            () -> predicted.get() < 0 ? "?" : String.valueOf(predicted.get()), predicted);
    /** Below this top probability the pad says the network is unsure, and between which two digits. */
    public static final double SURE = 0.6;
    private final StringBinding doubt = Bindings.createStringBinding(() -> doubt(probabilities.get()), probabilities);
    /** The model {@link #firstLayer} was read from. */
    private TrainedModel weightsOf;
    /** A picture to draw over (a test image sent from the inside panel); null for a blank start. */
    private InkImage startingPicture;

    /**
     * What one reading found: the 28×28 input and the 10 probabilities (null when there is nothing
     * to read), and for a drawing read by a model, every step and layer on the way.
     */
    /** A reading, with the model's first-layer pictures when they were read along with it. */
    private record Read(Reading reading, WeightGrid weights) {}

    record Reading(float[] input, float[] probabilities, String message, DrawingReading details) {
        Reading(float[] input, float[] probabilities, String message) {
            this(input, probabilities, message, null);
        }
    }

    public PadViewModel(LabContext context, TaskExecutor executor) {
        this(context, executor, null);
    }

    /** @param myDigits where "Keep this drawing as a …" keeps the drawing; null for a pad without it */
    public PadViewModel(LabContext context, TaskExecutor executor, MyDigitsViewModel myDigits) {
        this.context = context;
        this.executor = executor;
        this.myDigits = myDigits;
        reader = new LatestOnly<>(executor, () -> {
            InkImage drawn = picture.get();
            TrainedModel model = context.model().get();
            // The first layer's pictures are read with the first drawing a model sees, not at
            // every epoch: a pad nobody draws on costs the run nothing and leaves no thread.
            boolean needWeights = model != null && weightsOf != model;
            return BackgroundTask.wrap(() -> new Read(read(drawn, model),
                            needWeights ? WeightGrid.of(model, WeightGrid.MAX_UNITS) : null))
                    .named("lab-pad-reader")
                    .onSuccess(read -> {
                        if (read.weights() != null) {
                            weightsOf = model;
                            firstLayer.set(read.weights());
                        }
                        show(read.reading());
                    })
                    .onFailure(error -> {
                        message.set("Could not read the drawing: " + error.getMessage());
                        context.report("Could not read the drawing", error);
                    });
        });
        context.model().addListener((obs, old, model) -> update());
    }

    /**
     * Starts a drawing from a 28×28 image (a test digit from the inside panel), enlarged to the
     * canvas: the strokes are cleared, and new ones are drawn over it.
     */
    public void startFrom(float[] intensities) {
        strokes.clear();
        startingPicture = InkImage.enlarged(intensities, DigitPreprocessor.SIDE, CANVAS_SIDE);
        update();
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

    /**
     * Where the pen was lifted. The window system may fold the last moves of a fast stroke into
     * the release (GTK compresses motion events), so the stroke is carried to this point if its
     * last one is elsewhere; without it a quick 7 could lose the end of its stem.
     */
    public void endStroke(double x, double y) {
        if (strokes.isEmpty()) return;
        Stroke last = strokes.get(strokes.size() - 1);
        Stroke.Point end = last.points().get(last.points().size() - 1);
        if (end.x() != x || end.y() != y) extendStroke(x, y);
    }

    /** Takes back the last stroke; with none left, the starting picture goes too. */
    public void undo() {
        if (!strokes.isEmpty()) {
            strokes.remove(strokes.size() - 1);
        } else {
            startingPicture = null;
        }
        update();
    }

    public void clear() {
        strokes.clear();
        startingPicture = null;
        update();
    }

    /**
     * Reads a digit from an image file (dropped on the pad) instead of the strokes, which are
     * cleared. A file that is not an image, is empty, or is blank gets a message, not a guess.
     */
    public void readImageFile(Path file) {
        strokes.clear();
        startingPicture = null;
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

    /**
     * "Keep this drawing as a {@code label}": the picture on the pad (strokes, and a test image
     * drawn over, if any) joins My digits with its strokes. A blank pad or a label outside 0–9 is
     * refused, and {@code MyDigitsViewModel.lastAction} says why.
     */
    public void keepAs(int label) {
        if (myDigits == null) return;
        myDigits.keep(label, picture.get(), strokes);
    }

    /** The strokes drawn so far, oldest first. */
    public List<Stroke> strokes() {
        return Collections.unmodifiableList(strokes);
    }

    private void update() {
        strokeCount.set(strokes.size());
        if (strokes.isEmpty() && startingPicture == null) {
            reader.cancel();
            picture.set(BLANK);
            show(new Reading(null, null, PROMPT));
            return;
        }
        InkImage drawn = StrokeRenderer.toInk(strokes, CANVAS_SIDE, BRUSH);
        picture.set(startingPicture == null ? drawn : startingPicture.with(drawn));
        reader.request();
    }

    private void show(Reading reading) {
        details.set(reading.details());
        networkInput.set(reading.input());
        probabilities.set(reading.probabilities());
        predicted.set(reading.probabilities() == null ? -1 : TrainedModel.argMax(reading.probabilities()));
        message.set(reading.message());
    }

    static Reading read(InkImage drawn, TrainedModel model) {
        try {
            if (model == null) {
                return new Reading(DigitPreprocessor.toMnist(drawn), null,
                        "No model yet: train one, or wait for the default model to load.");
            }
            DrawingReading reading = DrawingReading.of(drawn, model);
            return new Reading(reading.steps().centred(), reading.probabilities(), "", reading);
        } catch (BlankImageException e) {
            return new Reading(null, null, PROMPT);
        }
    }

    /** The strokes as the white-on-black picture the canvas shows and the network reads. */
    public ReadOnlyObjectProperty<InkImage> picture() { return picture.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> probabilities() { return probabilities.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> networkInput() { return networkInput.getReadOnlyProperty(); }
    /** The digit read, or -1 when there is none. */
    public ReadOnlyIntegerProperty predicted() { return predicted.getReadOnlyProperty(); }
    /** The digit read, as the pad shows it: "?" when there is none. */
    public StringBinding answer() { return answer; }
    /** "Unsure: between 4 (48 %) and 9 (37 %)" when no digit reaches {@link #SURE}; else empty. */
    public StringBinding doubt() { return doubt; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    /** How many strokes Undo can take back. */
    public ReadOnlyIntegerProperty strokeCount() { return strokeCount.getReadOnlyProperty(); }
    /** The steps from drawing to input and every hidden layer's activations; null when nothing is read. */
    public ReadOnlyObjectProperty<DrawingReading> details() { return details.getReadOnlyProperty(); }
    /** The current model's first-layer weight pictures, which the activation strip links to. */
    public ReadOnlyObjectProperty<WeightGrid> firstLayer() { return firstLayer.getReadOnlyProperty(); }

    /** The pad's hesitation over one reading's probabilities, or "" when it is sure (or has none). */
    static String doubt(float[] probabilities) {
        if (probabilities == null) return "";
        int first = TrainedModel.argMax(probabilities);
        if (probabilities[first] >= SURE) return "";
        int second = -1;
        for (int d = 0; d < probabilities.length; d++) {
            if (d != first && (second < 0 || probabilities[d] > probabilities[second])) second = d;
        }
        return String.format(java.util.Locale.ROOT, "Unsure: between %d (%.0f %%) and %d (%.0f %%)", first,
                100 * probabilities[first], second, 100 * probabilities[second]);
    }
}
