package org.mnistlab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
    /** The most recently trained model (or the bundled default before any training). */
    private final ObjectProperty<TrainedModel> model = new SimpleObjectProperty<>();
    private final StringProperty modelDescription = new SimpleStringProperty("no model yet");
    private final StringProperty notice = new SimpleStringProperty("");
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

    public ObjectProperty<TrainedModel> model() {
        return model;
    }

    /** Where the current model came from, e.g. "784-64-32-10, epoch 3 of run 2". */
    public StringProperty modelDescription() {
        return modelDescription;
    }

    /** A message for the user (an error or a warning); empty when there is none. */
    public StringProperty notice() {
        return notice;
    }

    public void useModel(TrainedModel trained, String description) {
        model.set(trained);
        modelDescription.set(description);
    }
}
