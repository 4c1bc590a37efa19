package org.mnistlab.ui.pad;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.ui.Background;
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
        run(() -> ModelFile.read(file), loaded -> {
            context.useModel(loaded.model(), file.getFileName() + " (" + loaded.model().spec().architecture() + ")");
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
        Background.start(Background.task(work), "lab-model-file", result -> {
            busy.set(false);
            done.accept(result);
        }, error -> {
            busy.set(false);
            lastAction.set("");
            context.report(failure, error);
        });
    }

    public BooleanProperty busy() { return busy; }
    public StringProperty lastAction() { return lastAction; }
    public BooleanBinding canSave() { return canSave; }
}
