package org.mnistlab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mnistlab.LabException;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State every panel shares: the data, the model the pad and gallery use, and a line for the
 * status bar. Lives on the FX thread; background work hands results back through
 * {@code javafx.concurrent} tasks.
 */
public final class LabContext {
    private static final Logger LOG = LoggerFactory.getLogger(LabContext.class);
    private final ObjectProperty<MnistData> data = new SimpleObjectProperty<>();
    /** The folder {@link #data} was read from; null for the bundled MNIST. A recorded run names it. */
    private final ObjectProperty<java.nio.file.Path> dataFolder = new SimpleObjectProperty<>();
    /** The most recently trained model (or the bundled default before any training). */
    private final ReadOnlyObjectWrapper<TrainedModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper modelDescription = new ReadOnlyStringWrapper("no model yet");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final FileDialogs dialogs;

    public LabContext(FileDialogs dialogs) {
        this.dialogs = dialogs;
    }

    /** How the window asks for files; tests answer without a native dialog. */
    public FileDialogs dialogs() {
        return dialogs;
    }

    /**
     * A failure of background work, for the user and the log. A {@link LabException}'s message is
     * written for the user and shown as it is; anything else is a bug, shown with its type.
     * Call on the FX thread.
     */
    public void report(String what, Throwable error) {
        LOG.error(what, error);
        String detail = error instanceof LabException ? error.getMessage()
                : error instanceof OutOfMemoryError ? "out of memory; try fewer or smaller layers, or a smaller batch"
                : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        notice.set(what + ": " + detail);
    }

    public ObjectProperty<MnistData> data() {
        return data;
    }

    public ObjectProperty<java.nio.file.Path> dataFolder() {
        return dataFolder;
    }

    /** Set only through {@link #useModel}. */
    public ReadOnlyObjectProperty<TrainedModel> model() {
        return model.getReadOnlyProperty();
    }

    /** Where the current model came from, e.g. "784-64-32-10, epoch 3 of run 2". */
    public ReadOnlyStringProperty modelDescription() {
        return modelDescription.getReadOnlyProperty();
    }

    /** A message for the user (an error or a warning); empty when there is none. */
    public ReadOnlyStringProperty notice() {
        return notice.getReadOnlyProperty();
    }

    public void showNotice(String text) {
        notice.set(text);
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** The one way the model changes: the pad, the gallery and Save model… follow it. */
    public void useModel(TrainedModel trained, String description) {
        model.set(trained);
        modelDescription.set(description);
    }
}
