package org.mnistlab.ui.inside;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.inspection.ConfusionCells;
import org.mnistlab.inspection.NetworkInspection;
import org.mnistlab.inspection.Verdict;
import org.mnistlab.inspection.WeightGrid;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.LatestOnly;
import org.mnistlab.ui.TaskExecutor;

/**
 * The "Inside the network" panel: the confusion matrix on the test set linked to its images, the
 * first layer's weight pictures and each layer's weights and dead units, for the current model.
 * For a model whose run held validation images out, the matrix can be made on those instead:
 * the same images the run measured itself on, chosen again from the training set by its seed.
 *
 * <p>The model changes once per epoch during training (the trainer hands the window a copy at
 * each epoch's end), so the panel re-inspects at most once per epoch, in the background, and
 * only while it is on screen; what the student was looking at (a cell, a list) stays selected
 * across the refresh, so the images of a cell can be watched as the network learns.
 */
public final class InsideViewModel {
    /** Images in the one-click lists: enough to see a pattern, few enough to scan. */
    public static final int LIST_LIMIT = 60;

    /** What the list of images shows. */
    public record Listing(Kind kind, int actual, int predicted) {
        public enum Kind { CELL, MOST_CONFIDENT_MISTAKES, LEAST_CONFIDENT_CORRECT }

        public static Listing cell(int actual, int predicted) {
            return new Listing(Kind.CELL, actual, predicted);
        }

        static final Listing MISTAKES = new Listing(Kind.MOST_CONFIDENT_MISTAKES, -1, -1);
        static final Listing SHAKY = new Listing(Kind.LEAST_CONFIDENT_CORRECT, -1, -1);
    }

    private final LabContext context;
    private final Consumer<float[]> drawOnPad;
    private final LatestOnly<NetworkInspection> inspector;
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final BooleanProperty onValidation = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper validationAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper imagesName = new ReadOnlyStringWrapper("test set");
    private boolean stale = true;
    private final ReadOnlyObjectWrapper<NetworkInspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("Waiting for data and a model…");
    private final ReadOnlyObjectWrapper<Listing> listing = new ReadOnlyObjectWrapper<>(Listing.MISTAKES);
    private final ObservableList<Verdict> listed = FXCollections.observableArrayList();
    private final ObservableList<Verdict> listedReadOnly = FXCollections.unmodifiableObservableList(listed);
    private final ReadOnlyStringWrapper listTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Verdict> selected = new ReadOnlyObjectWrapper<>();
    /** The model {@link #inspection} was made from, and its results in words. */
    private TrainedModel inspected;
    private String results = "";

    /**
     * @param drawOnPad takes a test image's 784 ink values to the drawing pad as the start of a drawing
     */
    public InsideViewModel(LabContext context, TaskExecutor executor, Consumer<float[]> drawOnPad) {
        this.context = context;
        this.drawOnPad = drawOnPad;
        inspector = new LatestOnly<>(executor, () -> {
            TrainedModel model = context.model().get();
            MnistData data = context.data().get();
            boolean validation = onValidation.get();
            String words = validation ? "validation images" : "test images";
            return BackgroundTask.wrap(() -> NetworkInspection.of(model, images(data, model, validation),
                            WeightGrid.MAX_UNITS))
                    .named("lab-inspector")
                    .onSuccess(result -> show(result, model, words))
                    .onFailure(error -> {
                        caption.set("Could not look inside the model: " + error.getMessage());
                        context.report("Could not look inside the model", error);
                    });
        });
        context.model().addListener((obs, old, model) -> {
            updateValidationAvailable();
            refresh();
        });
        context.data().addListener((obs, old, data) -> {
            updateValidationAvailable();
            refresh();
        });
        onValidation.addListener((obs, old, on) -> {
            imagesName.set(on ? "validation set" : "test set");
            refresh();
        });
        updateValidationAvailable();
        context.modelDescription().addListener((obs, old, name) -> describe());
        showing.addListener((obs, old, visible) -> {
            if (visible && stale) refresh();
        });
    }

    /**
     * True to make the matrix on the validation images of the model's run; only takes effect
     * while {@link #validationAvailable()}, and falls back to the test set when it stops being so.
     */
    public BooleanProperty onValidation() {
        return onValidation;
    }

    /** True when the current model's run held validation images out of the loaded training set. */
    public ReadOnlyBooleanProperty validationAvailable() {
        return validationAvailable.getReadOnlyProperty();
    }

    /** "test set" or "validation set": what the matrix is made on, for its heading. */
    public ReadOnlyStringProperty imagesName() {
        return imagesName.getReadOnlyProperty();
    }

    private void updateValidationAvailable() {
        TrainedModel model = context.model().get();
        MnistData data = context.data().get();
        boolean available = model != null && data != null && model.spec().validates()
                && model.spec().validationImages() < data.train().count();
        validationAvailable.set(available);
        if (!available) onValidation.set(false);
    }

    /** The images to inspect on; the validation images are split off exactly as the trainer did. */
    private static DigitSet images(MnistData data, TrainedModel model, boolean validation) {
        if (!validation) return data.test();
        return data.train().splitOff(model.spec().validationImages(), model.spec().seed())[1];
    }

    /** True while the panel is on screen; hidden, it waits instead of re-inspecting every epoch. */
    public BooleanProperty showing() {
        return showing;
    }

    public void refresh() {
        stale = true;
        if (!showing.get() || context.model().get() == null || context.data().get() == null) return;
        stale = false;
        inspector.request();
    }

    /** Lists every image of one cell: row {@code actual} (the true digit), column {@code predicted}. */
    public void selectCell(int actual, int predicted) {
        list(Listing.cell(actual, predicted));
    }

    public void showMostConfidentMistakes() {
        list(Listing.MISTAKES);
    }

    public void showLeastConfidentCorrect() {
        list(Listing.SHAKY);
    }

    public void select(Verdict verdict) {
        selected.set(verdict);
    }

    /** Sends the selected image to the drawing pad, to draw over it. */
    public void drawSelectedOnPad() {
        Verdict v = selected.get();
        if (v != null) drawOnPad.accept(pixels(v));
    }

    /** The ink of a listed image, 784 values in [0, 1]. */
    public float[] pixels(Verdict verdict) {
        return inspection.get().images().intensities(verdict.index());
    }

    private void show(NetworkInspection result, TrainedModel model, String imagesWords) {
        inspection.set(result);
        inspected = model;
        ConfusionCells cells = result.cells();
        int mistakes = cells.report().count() - (int) Math.round(cells.report().accuracy() * cells.report().count());
        results = String.format(Locale.ROOT, "%.2f%% of %,d %s right, %,d mistakes",
                100 * cells.report().accuracy(), cells.report().count(), imagesWords, mistakes);
        describe();
        list(listing.get());
    }

    /**
     * The window names a model just after it hands it over (and renames it when a run ends), so
     * the name is read when it is shown, and only while it still names the model inspected.
     */
    private void describe() {
        if (inspected != null && context.model().get() == inspected) {
            caption.set(context.modelDescription().get() + ": " + results);
        }
    }

    private void list(Listing what) {
        listing.set(what);
        NetworkInspection current = inspection.get();
        if (current == null) return;
        ConfusionCells cells = current.cells();
        List<Verdict> verdicts = switch (what.kind()) {
            case CELL -> cells.cell(what.actual(), what.predicted());
            case MOST_CONFIDENT_MISTAKES -> cells.mostConfidentMistakes(LIST_LIMIT);
            case LEAST_CONFIDENT_CORRECT -> cells.leastConfidentCorrect(LIST_LIMIT);
        };
        listed.setAll(verdicts);
        listTitle.set(title(what, verdicts.size()));
        selected.set(verdicts.isEmpty() ? null : verdicts.get(0));
    }

    private static String title(Listing what, int count) {
        return switch (what.kind()) {
            case CELL -> what.actual() == what.predicted()
                    ? String.format(Locale.ROOT, "%d read as %d (right): %,d images, least confident first",
                            what.actual(), what.predicted(), count)
                    : String.format(Locale.ROOT, "%d read as %d: %,d %s, most confident mistake first",
                            what.actual(), what.predicted(), count, count == 1 ? "image" : "images");
            case MOST_CONFIDENT_MISTAKES -> "The " + count + " most confident mistakes";
            case LEAST_CONFIDENT_CORRECT -> "The " + count + " least confident right answers";
        };
    }

    public ReadOnlyObjectProperty<NetworkInspection> inspection() { return inspection.getReadOnlyProperty(); }
    public ReadOnlyStringProperty caption() { return caption.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Listing> listing() { return listing.getReadOnlyProperty(); }
    public ObservableList<Verdict> listed() { return listedReadOnly; }
    public ReadOnlyStringProperty listTitle() { return listTitle.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Verdict> selected() { return selected.getReadOnlyProperty(); }
}
