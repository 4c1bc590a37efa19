package org.mnistlab.ui.pad;

import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.ui.LabContext;

/**
 * Save model… and Open model…: the model the pad and gallery use, to and from a file, in the
 * background. A file that cannot be opened leaves the current model in place.
 */
public final class ModelFilesViewModel {
    private final LabContext context;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty lastAction = new SimpleStringProperty("");
    private final BooleanBinding canSave;

    public ModelFilesViewModel(LabContext context) {
        this.context = context;
        canSave = context.model().isNotNull().and(busy.not());
    }

    public void open(Path file) {
        run(new Task<ModelFile.Loaded>() {
            @Override
            protected ModelFile.Loaded call() {
                return ModelFile.read(file);
            }
        }, loaded -> {
            context.useModel(loaded.model(), file.getFileName() + " (" + loaded.model().spec().architecture() + ")");
            lastAction.set("Opened " + file);
        }, "Could not open " + file.getFileName() + "; the current model stays");
    }

    public void save(Path file) {
        TrainedModel model = context.model().get();
        if (model == null) return;
        run(new Task<Void>() {
            @Override
            protected Void call() {
                synchronized (model) { // the pad may be reading a digit with it
                    ModelFile.save(model, null, file);
                }
                return null;
            }
        }, nothing -> lastAction.set("Saved the model to " + file), "Could not save the model");
    }

    private <T> void run(Task<T> task, java.util.function.Consumer<T> done, String failure) {
        task.setOnSucceeded(e -> {
            busy.set(false);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            lastAction.set("");
            context.report(failure, task.getException());
        });
        busy.set(true);
        Thread thread = new Thread(task, "lab-model-file");
        thread.setDaemon(true);
        thread.start();
    }

    public BooleanProperty busy() { return busy; }
    public StringProperty lastAction() { return lastAction; }
    public BooleanBinding canSave() { return canSave; }
}
