package org.mnistlab.ui.charts;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.mnistlab.data.MnistData;
import org.mnistlab.cli.SpecOptions;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.runs.DataSource;
import org.mnistlab.runs.RunFilter;
import org.mnistlab.runs.RunRecorder;
import org.mnistlab.runs.RunStore;
import org.mnistlab.runs.StoredRun;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.TaskExecutor;
import org.mnistlab.ui.training.RunRecording;

/**
 * The run list as a lab notebook: every run kept in the {@link RunStore}, newest first, filtered
 * by what the user types; renaming, notes, delete with undo (until the window closes), "Open
 * model of this run", and export/import of runs as one file.
 *
 * <p>Every read and write of the store goes to the {@link TaskExecutor}; the FX thread only
 * changes the runs it shows. A stored run's points are read when it is first ticked. Without a
 * store (none could be opened) the list holds this session's runs and a notice says that runs
 * are not being saved.
 */
public final class RunListViewModel implements RunRecording {
    private final RunHistory history;
    private final LabContext context;
    private final TaskExecutor executor;
    /** Null until opened, and for good if it could not be. Read on other threads, so volatile. */
    private volatile RunStore store;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper();
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<RecordedRun> shown;
    private final ReadOnlyObjectWrapper<RecordedRun> selected = new ReadOnlyObjectWrapper<>();
    private final Deque<RecordedRun> deleted = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    /** The run whose stored network is the pad's, so selecting it again reads nothing; -1 once another replaced it. */
    private long openedRun = -1;
    private org.mnistlab.network.TrainedModel openedModel;
    private final java.util.Set<RecordedRun> watched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public RunListViewModel(RunHistory history, LabContext context, TaskExecutor executor) {
        this.history = history;
        this.context = context;
        this.executor = executor;
        SortedList<RecordedRun> newestFirst = new SortedList<>(history.runs(),
                Comparator.comparing(RecordedRun::startedAt).thenComparing(RecordedRun::number).reversed());
        shown = new FilteredList<>(newestFirst);
        filter.addListener((obs, old, typed) -> {
            RunFilter words = RunFilter.of(typed);
            shown.setPredicate(words.isEmpty() ? null : run -> words.matches(run.searchText()));
        });
        history.runs().addListener((ListChangeListener<RecordedRun>) change -> {
            while (change.next()) change.getAddedSubList().forEach(this::readPointsWhenTicked);
        });
        context.model().addListener((obs, old, now) -> {
            if (now != openedModel) openedRun = -1; // training or a file replaced it
        });
    }

    /** Opens the store at {@code file} in the background and lists its runs; a failure becomes a notice. */
    public void open(Path file) {
        BackgroundTask.wrap(() -> {
            RunStore opened = RunStore.open(file);
            return new Opened(opened, opened.list());
        }).named("lab-run-store").onSuccess(opened -> {
            store = opened.store();
            recording.set(true);
            history.addStored(opened.runs());
            if (!opened.store().notice().isEmpty()) context.showNotice(opened.store().notice());
        }).onFailure(error -> context.showNotice(RunRecorder.NOT_SAVING + error.getMessage()))
                .executeWith(executor);
    }

    private record Opened(RunStore store, List<StoredRun> runs) {}

    /** Closes the store, deleting for good the runs deleted in this window. Call on a background thread. */
    public void closeStore() {
        RunStore open = store;
        store = null;
        if (open != null) open.close();
    }

    // ---- recording (RunRecording) ---------------------------------------------------------------

    @Override
    public RunRecorder begin(NetworkSpec spec, MnistData data) {
        RunStore open = store;
        if (open == null) return null;
        java.nio.file.Path folder = context.dataFolder().get();
        return RunRecorder.start(open, spec, DataSource.of(folder, data.train().count(), data.test().count()),
                this::recordingFailed);
    }

    /** On the training thread: the notice reaches the FX thread through the executor. */
    private void recordingFailed(String notice) {
        BackgroundTask.wrap(() -> notice).named("lab-run-store")
                .onSuccess(text -> {
                    recording.set(false);
                    context.showNotice(text);
                }).executeWith(executor);
    }

    @Override
    public void recorded(RecordedRun run, long storeId) {
        refreshDetails(run, storeId);
    }

    @Override
    public void ended(RecordedRun run) {
        if (run.storeId() >= 0) refreshDetails(run, run.storeId());
    }

    private void refreshDetails(RecordedRun run, long storeId) {
        inBackground(open -> open.find(storeId).orElse(null), details -> {
            if (details != null) run.describe(details);
        }, "Could not read run " + storeId);
    }

    // ---- the list --------------------------------------------------------------------------------

    /** Newest first, as filtered. */
    public ObservableList<RecordedRun> shown() {
        return shown;
    }

    /** What the user typed in the filter box: every word must occur in a run's name, note or settings. */
    public StringProperty filter() {
        return filter;
    }

    public ReadOnlyObjectProperty<RecordedRun> selected() {
        return selected.getReadOnlyProperty();
    }

    /** The settings that are not the same for every run in the list: the table highlights those columns. */
    Set<SettingsColumn> differingSettings() {
        return SettingsColumn.differing(shown.stream().map(RecordedRun::spec).toList());
    }

    /** The {@code train} command that reproduces {@code run}'s settings, for "Copy as command line". */
    public String commandLine(RecordedRun run) {
        return SpecOptions.trainCommand(run.spec());
    }

    /** Hands the run's command line to {@code clipboard} (the view's system clipboard) and says so. */
    public void copyCommandLine(RecordedRun run, java.util.function.Consumer<String> clipboard) {
        String line = commandLine(run);
        clipboard.accept(line);
        context.showDone("Copied the command line of " + run.name().get() + ": " + line);
    }

    /** False when no store could be opened or writing to it failed: runs live only in this window. */
    public ReadOnlyBooleanProperty recording() {
        return recording.getReadOnlyProperty();
    }

    /** A stored run's points are read the first time it is ticked, not at start. */
    private void readPointsWhenTicked(RecordedRun run) {
        if (!watched.add(run)) return; // back from an undone delete: already watched
        run.visible().addListener((obs, was, visible) -> {
            if (visible && !run.pointsLoaded() && run.storeId() >= 0) {
                long id = run.storeId();
                inBackground(open -> open.points(id), run::loadPoints, "Could not read the points of run " + id);
            }
        });
    }

    public void rename(RecordedRun run, String name) {
        run.rename(name);
        long id = run.storeId();
        if (id >= 0) inBackground(open -> {
            open.rename(id, name);
            return null;
        }, done -> { }, "Could not rename run " + id);
    }

    public void setNote(RecordedRun run, String note) {
        if (run.note().get().equals(note == null ? "" : note.strip())) return;
        run.setNote(note);
        long id = run.storeId();
        if (id >= 0) inBackground(open -> {
            open.setNote(id, note);
            return null;
        }, done -> { }, "Could not save the note of run " + id);
    }

    /** Takes the run off the list and the charts; {@link #undoDelete} brings it back until the window closes. */
    public void delete(RecordedRun run) {
        if (run.state().get() == RecordedRun.State.RUNNING) return;
        history.remove(run);
        if (selected.get() == run) selected.set(null);
        deleted.push(run);
        canUndo.set(true);
        context.showDone(run.name().get() + " deleted.", "Undo", this::undoDelete);
        long id = run.storeId();
        if (id >= 0) inBackground(open -> {
            open.delete(id);
            return null;
        }, done -> { }, "Could not delete run " + id);
    }

    public void undoDelete() {
        RecordedRun run = deleted.poll();
        canUndo.set(!deleted.isEmpty());
        if (run == null) return;
        history.restore(run);
        long id = run.storeId();
        if (id >= 0) inBackground(open -> {
            open.undelete(id);
            return null;
        }, done -> { }, "Could not restore run " + id);
    }

    public ReadOnlyBooleanProperty canUndo() {
        return canUndo.getReadOnlyProperty();
    }

    /**
     * Selecting a run that kept its network makes that network the Samples tab's and the pad's:
     * a click on a past run is enough to try it. A running run's network is the training's own.
     */
    public void select(RecordedRun run) {
        selected.set(run);
        if (run != null && keptNetwork(run) && run.storeId() != openedRun) openModel(run);
    }

    /** Whether the store holds the run's trained network (it finished an epoch and was recorded). */
    public static boolean keptNetwork(RecordedRun run) {
        return run.state().get() != RecordedRun.State.RUNNING && run.stored().get() != null
                && run.stored().get().hasModel();
    }

    /** Makes the run's stored model the pad's and gallery's model. */
    public void openModel(RecordedRun run) {
        long id = run.storeId();
        if (id < 0) {
            context.showNotice(run.name().get() + " was not recorded, so its model was not kept");
            return;
        }
        inBackground(open -> open.model(id), loaded -> {
            Double accuracy = loaded.metadata() != null && loaded.metadata().testAccuracy() != null
                    ? loaded.metadata().testAccuracy() : run.stored().get() == null ? null
                    : run.stored().get().finalTestAccuracy();
            context.useModel(loaded.model(), loaded.model().spec().architecture() + " from run " + id + " (stored)",
                    ModelFile.suggestedName(id, loaded.model().spec().architecture(), accuracy));
            openedRun = id;
            openedModel = loaded.model();
        }, "Could not open the model of run " + id);
    }

    /** "Use these settings": the run's spec into the designer. */
    public void useSettings(RecordedRun run) {
        context.useSettings(run.spec(), run.name().get());
    }

    /** Writes the runs (those recorded) to one file that {@link #importFrom} of another lab reads. */
    public void export(List<RecordedRun> runs, Path target) {
        List<Long> ids = runs.stream().map(RecordedRun::storeId).filter(id -> id >= 0).toList();
        if (ids.isEmpty()) {
            context.showNotice("None of these runs was recorded, so there is nothing to export");
            return;
        }
        inBackground(open -> {
            open.export(ids, target);
            return null;
        }, done -> context.showNotice("Exported " + count(ids.size()) + " to " + target), "Could not export the runs");
    }

    public void importFrom(Path source) {
        inBackground(open -> open.importFrom(source).stream().map(open::get).toList(), imported -> {
            history.addStored(imported);
            context.showNotice("Imported " + count(imported.size()) + " from " + source + "; tick them to see their curves");
        }, "Could not import " + source);
    }

    /** What a store call does off the FX thread; gets the open store. */
    private interface StoreWork<V> {
        V call(RunStore open) throws Exception;
    }

    private <V> void inBackground(StoreWork<V> work, Consumer<V> done, String failure) {
        RunStore open = store;
        if (open == null) {
            context.showNotice(failure + ": " + RunRecorder.NOT_SAVING.replace(": ", "") + " in this window");
            return;
        }
        Callable<V> call = () -> work.call(open);
        BackgroundTask.wrap(call).named("lab-run-store").onSuccess(done)
                .onFailure(error -> context.report(failure, error)).executeWith(executor);
    }

    private static String count(int runs) {
        return runs + (runs == 1 ? " run" : " runs");
    }
}
