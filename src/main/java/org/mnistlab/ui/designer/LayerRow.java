package org.mnistlab.ui.designer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;

/** One editable hidden layer in the designer. */
public final class LayerRow {
    private final IntegerProperty units;
    private final ObjectProperty<ActivationKind> activation;

    public LayerRow(int units, ActivationKind activation) {
        this.units = new SimpleIntegerProperty(units);
        this.activation = new SimpleObjectProperty<>(activation);
    }

    LayerRow(HiddenLayer layer) {
        this(layer.units(), layer.activation());
    }

    public IntegerProperty units() {
        return units;
    }

    public ObjectProperty<ActivationKind> activation() {
        return activation;
    }

    HiddenLayer toLayer() {
        return new HiddenLayer(units.get(), activation.get());
    }
}
