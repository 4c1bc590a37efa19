package org.mnistlab.ui;

import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mnistlab.LabException;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
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
    private final ReadOnlyStringWrapper modelFileName = new ReadOnlyStringWrapper("model.zip");
    /** Where "Use these settings" sends a spec: the designer, once the window is wired; it says whether it took it. */
    private Predicate<NetworkSpec> designer = spec -> false;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper noticeFades = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<NoticeAction> noticeAction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper noticeRevision = new ReadOnlyIntegerWrapper();
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
     * written for the user and shown as it is; it and an I/O failure are logged in one line
     * without a stack trace. Anything else is a bug, shown with its type and logged with its trace.
     * Call on the FX thread.
     */
    public void report(String what, Throwable error) {
        boolean expected = error instanceof LabException || error instanceof java.io.IOException
                || error instanceof java.io.UncheckedIOException;
        if (!expected) {
            LOG.error(what, error); // a bug: its stack trace is what a bug report needs
        } else if (LOG.isInfoEnabled()) {
            LOG.info(what, error); // --verbose: the trace too
        } else {
            // A user's mistake (a bad model file, a bad data folder) or the disk's (full, read-only):
            // one line, as the notice says it.
            LOG.warn("{}: {}", what, error.getMessage());
        }
        String detail = error instanceof LabException ? error.getMessage()
                : error instanceof OutOfMemoryError ? "out of memory; try fewer or smaller layers, or a smaller batch"
                : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        post(what + ": " + detail, false, null);
    }

    /** A button a notice may carry, e.g. "Undo" after a run was removed. */
    public record NoticeAction(String label, Runnable action) {}

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

    /** A warning or an error: it stays until the user closes it or a new run starts. */
    public void showNotice(String text) {
        post(text, false, null);
    }

    /** A warning with a button (a diverged run's "Halve the rate and resume…"): it stays like {@link #showNotice(String)}. */
    public void showNotice(String text, String actionLabel, Runnable action) {
        post(text, false, new NoticeAction(actionLabel, action));
    }

    /** A confirmation ("Saved the charts to …"): the window lets it fade after a few seconds. */
    public void showDone(String text) {
        post(text, true, null);
    }

    /** A confirmation with a button, e.g. "Removed run 2" with "Undo"; it fades like {@link #showDone(String)}. */
    public void showDone(String text, String actionLabel, Runnable action) {
        post(text, true, new NoticeAction(actionLabel, action));
    }

    /** Runs the current notice's action, if it has one, and closes the notice. */
    public void runNoticeAction() {
        NoticeAction action = noticeAction.get();
        dismissNotice();
        if (action != null) action.action().run();
    }

    public void dismissNotice() {
        post("", false, null);
    }

    private void post(String text, boolean fades, NoticeAction action) {
        notice.set(text);
        noticeFades.set(fades);
        noticeAction.set(action);
        noticeRevision.set(noticeRevision.get() + 1);
    }

    /** Whether the current notice is a confirmation that may fade away, not a warning to keep. */
    public ReadOnlyBooleanProperty noticeFades() {
        return noticeFades.getReadOnlyProperty();
    }

    /** The current notice's button, or null. */
    public ReadOnlyObjectProperty<NoticeAction> noticeAction() {
        return noticeAction.getReadOnlyProperty();
    }

    /** Goes up with every notice posted, even one with the same text: the overlay restarts its fade. */
    public ReadOnlyIntegerProperty noticeRevision() {
        return noticeRevision.getReadOnlyProperty();
    }

    /** The one way the model changes: the pad, the gallery and Save model… follow it. */
    public void useModel(TrainedModel trained, String description) {
        useModel(trained, description, "model-" + trained.spec().architecture() + ".zip");
    }

    /** As {@link #useModel(TrainedModel, String)}, with the name Save model… suggests for it. */
    public void useModel(TrainedModel trained, String description, String fileName) {
        model.set(trained);
        modelDescription.set(description);
        modelFileName.set(fileName);
    }

    /** What Save model… suggests: e.g. "run-3-784-64-32-10-97.1pct.zip" for a run's model. */
    public ReadOnlyStringProperty modelFileName() {
        return modelFileName.getReadOnlyProperty();
    }

    /** Connects "Use these settings" to the designer, which answers false while it is locked by a run. */
    public void sendSettingsTo(Predicate<NetworkSpec> designer) {
        this.designer = designer;
    }

    /** "Use these settings": puts {@code spec} into the designer and says so; {@code from} names whose it was. */
    public void useSettings(NetworkSpec spec, String from) {
        if (designer.test(spec)) {
            showDone("The designer now holds the settings of " + from + ". Change what you like and press Train.");
        } else {
            showNotice("The settings of " + from + " cannot go into the designer while a run trains: stop it first.");
        }
    }
}
