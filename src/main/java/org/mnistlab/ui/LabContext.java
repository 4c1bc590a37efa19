package org.mnistlab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.TrainedModel;

/**
 * State every panel shares: the data, the model the pad and gallery use, and a line for the
 * status bar. Lives on the FX thread; background work hands results back through
 * {@code javafx.concurrent} tasks.
 */
public final class LabContext {
    private final ObjectProperty<MnistData> data = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper dataReady = new ReadOnlyBooleanWrapper();
    /** The most recently trained model (or the bundled default before any training). */
    private final ObjectProperty<TrainedModel> model = new SimpleObjectProperty<>();
    private final StringProperty modelDescription = new SimpleStringProperty("no model yet");
    private final StringProperty notice = new SimpleStringProperty("");

    public LabContext() {
        dataReady.bind(data.isNotNull());
    }

    public ObjectProperty<MnistData> data() {
        return data;
    }

    public ReadOnlyBooleanProperty dataReady() {
        return dataReady.getReadOnlyProperty();
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
