package org.mnistlab.ui.pad;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.ui.BackgroundTask;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.TaskExecutor;

/**
 * Save model… and Open model…: the model the pad and gallery use, to and from a file, in the
 * background. A file that cannot be opened leaves the current model in place.
 */
public final class ModelFilesViewModel {
    private final LabContext context;
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave;

    public ModelFilesViewModel(LabContext context, TaskExecutor executor) {
        this.context = context;
        this.executor = executor;
        canSave = context.model().isNotNull().and(busy.not());
        // "Opened default-model.zip" is stale once training (or anything else) replaces that model.
        context.model().addListener((obs, old, now) -> lastAction.set(""));
    }

    public void open(Path file) {
        run(() -> ModelFile.read(file), loaded -> {
            context.useModel(loaded.model(), file.getFileName() + " (" + loaded.model().spec().architecture() + ")",
                    file.getFileName().toString());
            lastAction.set("Opened " + file);
        }, "Could not open " + file.getFileName() + "; the current model stays");
    }

    public void save(Path file) {
        TrainedModel model = context.model().get();
        if (model == null) return;
        run(() -> {
            synchronized (model) { // the pad may be reading a digit with it
                ModelFile.save(model, null, file);
            }
            return null;
        }, nothing -> lastAction.set("Saved the model to " + file), "Could not save the model");
    }

    private <T> void run(Callable<T> work, Consumer<T> done, String failure) {
        busy.set(true);
        BackgroundTask.wrap(work).named("lab-model-file").onSuccess(result -> {
            busy.set(false);
            done.accept(result);
        }).onFailure(error -> {
            busy.set(false);
            lastAction.set("");
            context.report(failure, error);
        }).executeWith(executor);
    }

    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastAction() { return lastAction.getReadOnlyProperty(); }
    public BooleanBinding canSave() { return canSave; }
}
