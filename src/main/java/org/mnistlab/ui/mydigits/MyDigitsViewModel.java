package org.mnistlab.ui.mydigits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.InkImage;
import org.mnistlab.drawing.Stroke;
import org.mnistlab.inspection.LabelledScores;
import org.mnistlab.inspection.Verdict;
import org.mnistlab.mydigits.MyDigit;
import org.mnistlab.mydigits.MyDigitsException;
import org.mnistlab.mydigits.MyDigitsStore;
import org.mnistlab.mydigits.MyDigitsTraining;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.LatestOnly;
import org.mnistlab.ui.TaskExecutor;

/**
 * The student's own digits: what the pad keeps, what the My digits panel lists and edits, and
 * what "Train with my digits" adds to the next runs.
 *
 * <p>The list lives here, on the FX thread; the store ({@link MyDigitsStore}, a folder in the
 * user's data folder) is only touched by background tasks. Without a store (most window tests)
 * the digits are kept for this window only.
 */
public final class MyDigitsViewModel {
    /** One tile of the grid: a kept digit and the current model's reading of it (null until scored). */
    public record Item(MyDigit digit, Verdict verdict) {
        public boolean misread() {
            return verdict != null && !verdict.correct();
        }
    }

    private record Scored(List<MyDigit> digits, LabelledScores scores) {}

    private final LabContext context;
    private final TaskExecutor executor;
    private final MyDigitsStore store;
    /** Kept order, oldest first: the set as it is. */
    private final List<MyDigit> digits = new ArrayList<>();
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Item> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final BooleanProperty trainWithMine = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<DigitSet> trainingSet = new ReadOnlyObjectWrapper<>(MyDigitsTraining.asSet(List.of()));
    private final ReadOnlyStringWrapper trainingNote = new ReadOnlyStringWrapper();
    private final LatestOnly<Scored> scorer;
    /** The last id given to a digit kept without a store. */
    private long memoryIds;
    /** The latest reading of each digit, by id, until the next scoring replaces it. */
    private final Map<String, Verdict> verdicts = new HashMap<>();

    /** @param store where the set is kept; null keeps it in this window only */
    public MyDigitsViewModel(LabContext context, TaskExecutor executor, MyDigitsStore store) {
        this.context = context;
        this.executor = executor;
        this.store = store;
        scorer = new LatestOnly<>(executor, () -> {
            List<MyDigit> snapshot = List.copyOf(digits);
            TrainedModel model = context.model().get();
            return BackgroundTask.wrap(() -> new Scored(snapshot, model == null ? null
                            : LabelledScores.of(model, snapshot.stream().map(MyDigit::pixels).toList(),
                                    snapshot.stream().map(MyDigit::label).toList())))
                    .named("lab-my-digits-scores")
                    .onSuccess(this::showScores)
                    .onFailure(error -> context.report("Could not score my digits", error));
        });
        context.model().addListener((obs, old, model) -> rescore());
        context.data().addListener((obs, old, data) -> updateTrainingSet());
        trainWithMine.addListener((obs, old, on) -> updateTrainingSet());
        refresh();
    }

    /** Reads the set from its folder (at start); damaged files are skipped and named in a notice. */
    public void load() {
        if (store == null) return;
        BackgroundTask.wrap(store::load).named("lab-my-digits-load").onSuccess(loaded -> {
            // A digit kept while the set was being read is on disk too: keep one of each.
            java.util.Set<String> read = new java.util.HashSet<>();
            loaded.digits().forEach(d -> read.add(d.id()));
            digits.removeIf(d -> read.contains(d.id()));
            digits.addAll(0, loaded.digits());
            refresh();
            if (!loaded.skipped().isEmpty()) context.showNotice(skippedNotice("My digits", loaded.skipped()));
        }).onFailure(error -> context.report("Could not read my digits", error)).executeWith(executor);
    }

    /**
     * Keeps a drawing as {@code label}: its 28×28 input is made (the MNIST recipe, as the pad reads
     * it) and saved with its strokes in the background. A label outside 0–9 or a blank drawing is
     * refused with a message, and nothing is saved.
     */
    public void keep(int label, InkImage picture, List<Stroke> strokes) {
        try {
            MyDigit.requireLabel(label);
        } catch (MyDigitsException e) {
            lastAction.set("Not kept: " + e.getMessage() + ".");
            return;
        }
        List<Stroke> drawn = List.copyOf(strokes);
        String memoryId = store == null ? String.format(Locale.ROOT, "%04d", ++memoryIds) : null;
        BackgroundTask.wrap(() -> {
            float[] pixels;
            try {
                pixels = DigitPreprocessor.toMnist(picture);
            } catch (org.mnistlab.drawing.BlankImageException e) {
                throw new MyDigitsException("the drawing is blank: draw a digit before keeping it");
            }
            return store == null ? inMemory(memoryId, label, pixels, drawn) : store.keep(label, pixels, drawn);
        }).named("lab-my-digits-keep").onSuccess(digit -> {
            digits.add(digit);
            refresh();
            lastAction.set(String.format(Locale.ROOT, "Kept as a %d: %d in My digits.", digit.label(), digits.size()));
        }).onFailure(error -> refused("Not kept", error)).executeWith(executor);
    }

    /** Gives a kept digit the label it should have had. */
    public void relabel(MyDigit digit, int label) {
        if (label == digit.label()) return;
        try {
            MyDigit.requireLabel(label);
        } catch (MyDigitsException e) {
            lastAction.set("Not changed: " + e.getMessage() + ".");
            return;
        }
        BackgroundTask.wrap(() -> store == null ? digit.withLabel(label) : store.relabel(digit, label))
                .named("lab-my-digits-relabel").onSuccess(renamed -> {
                    int at = indexOf(digit);
                    if (at >= 0) digits.set(at, renamed);
                    verdicts.remove(digit.id());
                    refresh();
                    lastAction.set("Now labelled " + label + ".");
                }).onFailure(error -> refused("Not changed", error)).executeWith(executor);
    }

    public void delete(MyDigit digit) {
        BackgroundTask.wrap(() -> {
            if (store != null) store.delete(digit);
            return digit;
        }).named("lab-my-digits-delete").onSuccess(gone -> {
            int at = indexOf(gone);
            if (at >= 0) digits.remove(at);
            refresh();
            lastAction.set(String.format(Locale.ROOT, "Deleted a %d: %d left.", gone.label(), digits.size()));
        }).onFailure(error -> refused("Not deleted", error)).executeWith(executor);
    }

    /** Writes the set as a zip of PNGs plus labels.csv. */
    public void exportTo(Path zip) {
        if (store == null) {
            lastAction.set("This window keeps no set on disk to export.");
            return;
        }
        BackgroundTask.wrap(() -> store.exportZip(zip)).named("lab-my-digits-export").onSuccess(n ->
                context.showDone(String.format(Locale.ROOT, "Exported %d of my digits to %s", n, zip)))
                .onFailure(error -> context.report("Could not export my digits", error)).executeWith(executor);
    }

    /** Adds the digits of a zip (a classmate's export); entries that cannot be read are named in a notice. */
    public void importFrom(Path zip) {
        if (store == null) {
            lastAction.set("This window keeps no set on disk to import into.");
            return;
        }
        BackgroundTask.wrap(() -> store.importZip(zip)).named("lab-my-digits-import").onSuccess(loaded -> {
            digits.addAll(loaded.digits());
            refresh();
            String done = String.format(Locale.ROOT, "Imported %d digits from %s", loaded.digits().size(),
                    zip.getFileName());
            if (loaded.skipped().isEmpty()) {
                context.showDone(done);
            } else {
                context.showNotice(done + "; " + skippedNotice("skipped", loaded.skipped()));
            }
        }).onFailure(error -> context.report("Could not import " + zip.getFileName(), error)).executeWith(executor);
    }

    /** Without a store: the digit as the store would have kept it, quantised as its PNG would be. */
    private static MyDigit inMemory(String id, int label, float[] pixels, List<Stroke> strokes) {
        MyDigit.requireInk(pixels);
        return new MyDigit(id, label, MyDigit.quantised(pixels), strokes);
    }

    private void refused(String what, Throwable error) {
        if (error instanceof org.mnistlab.LabException) {
            lastAction.set(what + ": " + error.getMessage() + ".");
        } else {
            lastAction.set(what + ".");
            context.report(what, error);
        }
    }

    private int indexOf(MyDigit digit) {
        for (int i = 0; i < digits.size(); i++) {
            if (digits.get(i).id().equals(digit.id())) return i;
        }
        return -1;
    }

    /** After any change of the set: the grid at once (with the readings known), then a fresh scoring. */
    private void refresh() {
        count.set(digits.size());
        showItems(digits.stream().map(d -> new Item(d, stillValid(d))).toList());
        updateTrainingSet();
        rescore();
    }

    private Verdict stillValid(MyDigit digit) {
        Verdict v = verdicts.get(digit.id());
        return v != null && v.actual() == digit.label() ? v : null;
    }

    private void rescore() {
        if (digits.isEmpty()) {
            scorer.cancel();
            verdicts.clear();
            score.set("No digits kept yet. Draw one on the pad and press its digit under "
                    + "“Keep this drawing as a”.");
            return;
        }
        if (context.model().get() == null) score.set("No model yet: train one to see how it reads your digits.");
        scorer.request();
    }

    private void showScores(Scored scored) {
        if (scored.scores() == null) return;
        verdicts.clear();
        List<Item> ordered = new ArrayList<>();
        for (Verdict v : scored.scores().misreadFirst()) {
            MyDigit digit = scored.digits().get(v.index());
            verdicts.put(digit.id(), v);
            ordered.add(new Item(digit, v));
        }
        showItems(ordered);
        LabelledScores s = scored.scores();
        int wrong = s.count() - s.right();
        score.set(String.format(Locale.ROOT, "The model reads %d of %d of your digits right (%.0f %%)%s", s.right(),
                s.count(), 100 * s.accuracy(), wrong == 0 ? "." : "; the " + (wrong == 1 ? "misread one comes"
                        : wrong + " misread ones come") + " first."));
    }

    private void showItems(List<Item> shown) {
        items.setAll(shown);
    }

    private void updateTrainingSet() {
        MnistData data = context.data().get();
        int mnist = data == null ? 0 : data.train().count();
        if (!trainWithMine.get() || digits.isEmpty()) {
            trainingSet.set(MyDigitsTraining.asSet(List.of()));
            trainingNote.set(trainWithMine.get() ? "Keep some digits first: the set is empty."
                    : "Tick it to add your digits to the next runs' training images.");
            return;
        }
        int copies = MyDigitsTraining.copies(digits.size(), mnist);
        trainingSet.set(MyDigitsTraining.oversampled(digits, mnist));
        trainingNote.set(String.format(Locale.ROOT, "The next runs show each of your digits %d times an epoch: "
                + "%,d of %,d training images.", copies, digits.size() * copies, mnist + digits.size() * copies));
    }

    static String skippedNotice(String what, List<String> skipped) {
        String first = String.join("; ", skipped.subList(0, Math.min(3, skipped.size())));
        return what + ": " + skipped.size() + (skipped.size() == 1 ? " file was" : " files were") + " skipped ("
                + first + (skipped.size() > 3 ? "; …" : "") + ")";
    }

    /** The grid's tiles: misread ones first once the model has read them, else in kept order. */
    public ObservableList<Item> items() { return readOnlyItems; }
    /** "The model reads 8 of your 10 digits right (80 %) …", or what is missing. */
    public ReadOnlyStringProperty score() { return score.getReadOnlyProperty(); }
    /** What the last keep, relabel or delete did, or why it was refused. */
    public ReadOnlyStringProperty lastAction() { return lastAction.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty count() { return count.getReadOnlyProperty(); }
    /** "Train with my digits": the next runs add the set, oversampled ({@link MyDigitsTraining}). */
    public BooleanProperty trainWithMine() { return trainWithMine; }
    /** What the next runs add to MNIST's training images: empty unless ticked. */
    public ReadOnlyObjectProperty<DigitSet> trainingSet() { return trainingSet.getReadOnlyProperty(); }
    /** How many times each digit is shown, in words. */
    public ReadOnlyStringProperty trainingNote() { return trainingNote.getReadOnlyProperty(); }
}
