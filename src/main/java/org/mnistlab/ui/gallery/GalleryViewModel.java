package org.mnistlab.ui.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mnistlab.data.DigitSet;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.LatestOnly;
import org.mnistlab.ui.TaskExecutor;

/**
 * A sample of test images with the current model's answers. Re-evaluated in the background
 * whenever the model changes (after every epoch while training), so it never blocks the window.
 */
public final class GalleryViewModel {
    /** Test images shown at a time. */
    public static final int SAMPLES_SHOWN = 24;

    private final LabContext context;
    private final ObservableList<GalleryItem> items = FXCollections.observableArrayList();
    private final ObservableList<GalleryItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final BooleanProperty mistakesOnly = new SimpleBooleanProperty();
    private final ObjectProperty<GalleryItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("Waiting for data and a model…");
    /** True while the gallery is on screen; hidden, it waits instead of re-evaluating every epoch. */
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private boolean stale = true;
    private long sampleSeed = 1;
    private final LatestOnly<Result> evaluation;

    private record Result(List<GalleryItem> items, double accuracy, int mistakes) {}

    public GalleryViewModel(LabContext context, TaskExecutor executor) {
        this.context = context;
        evaluation = new LatestOnly<>(executor, () -> {
            TrainedModel model = context.model().get();
            DigitSet test = context.data().get().test();
            boolean mistakes = mistakesOnly.get();
            long seed = sampleSeed;
            return BackgroundTask.wrap(() -> sample(model, test, mistakes, seed)).named("lab-gallery")
                    .onSuccess(r -> show(r, test))
                    .onFailure(error -> {
                        caption.set("Could not evaluate the model: " + error.getMessage());
                        context.report("Could not evaluate the model for the gallery", error);
                    });
        });
        context.model().addListener((obs, old, model) -> refresh());
        context.data().addListener((obs, old, data) -> refresh());
        mistakesOnly.addListener((obs, old, only) -> refresh());
        showing.addListener((obs, old, visible) -> {
            if (visible && stale) refresh();
        });
    }

    private void show(Result r, DigitSet test) {
        items.setAll(r.items());
        selected.set(r.items().isEmpty() ? null : r.items().get(0));
        caption.set(String.format(Locale.ROOT, "%s: %.2f%% of %,d test images right, %,d mistakes",
                context.modelDescription().get(), 100 * r.accuracy(), test.count(), r.mistakes()));
    }

    public void newSamples() {
        sampleSeed++;
        refresh();
    }

    public void refresh() {
        stale = true;
        if (!showing.get() || context.model().get() == null || context.data().get() == null) return;
        stale = false;
        evaluation.request();
    }

    private static Result sample(TrainedModel model, DigitSet test, boolean mistakesOnly, long seed) {
        EvaluationReport report;
        synchronized (model) { // the drawing pad may be using the same network
            report = Evaluator.evaluate(model, test);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < test.count(); i++) {
            if (!mistakesOnly || report.predictions()[i] != test.label(i)) candidates.add(i);
        }
        java.util.Collections.shuffle(candidates, new Random(seed));
        List<GalleryItem> chosen = new ArrayList<>();
        for (int index : candidates.subList(0, Math.min(SAMPLES_SHOWN, candidates.size()))) {
            float[] pixels = test.intensities(index);
            chosen.add(new GalleryItem(index, pixels, test.label(index), report.predictions()[index],
                    model.probabilities(pixels)));
        }
        int mistakes = (int) Math.round((1 - report.accuracy()) * report.count());
        return new Result(chosen, report.accuracy(), mistakes);
    }

    /** The images shown, in order; replaced as a whole after each evaluation. */
    public ObservableList<GalleryItem> items() { return itemsView; }
    public BooleanProperty showing() { return showing; }
    public BooleanProperty mistakesOnly() { return mistakesOnly; }
    public ObjectProperty<GalleryItem> selected() { return selected; }
    public ReadOnlyStringProperty caption() { return caption.getReadOnlyProperty(); }
}
