package org.mnistlab.ui.designer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.InvalidSpecException;

/**
 * One editable hidden layer in the designer.
 *
 * <p>The units are kept as typed ({@link #unitsText}), like every other field of the designer: a
 * value that is no whole number or is out of range stays as the user left it and is marked with
 * the same message the command line gives ("units: 100000 is outside 1-4096"), instead of being
 * silently clamped or reverted. {@link #units} follows the text whenever it is valid.
 */
public final class LayerRow {
    private final IntegerProperty units;
    private final StringProperty unitsText;
    private final ObjectProperty<ActivationKind> activation;

    public LayerRow(int units, ActivationKind activation) {
        this.units = new SimpleIntegerProperty(units);
        this.unitsText = new SimpleStringProperty(String.valueOf(units));
        this.activation = new SimpleObjectProperty<>(activation);
        unitsText.addListener((obs, old, text) -> {
            Integer valid = validUnits(text);
            if (valid != null) this.units.set(valid);
        });
        this.units.addListener((obs, old, value) -> {
            if (!Integer.valueOf(value.intValue()).equals(validUnits(unitsText.get()))) {
                unitsText.set(String.valueOf(value));
            }
        });
    }

    LayerRow(HiddenLayer layer) {
        this(layer.units(), layer.activation());
    }

    /** The last valid number of units (what the diagram draws). */
    public IntegerProperty units() {
        return units;
    }

    /** The units as typed. */
    public StringProperty unitsText() {
        return unitsText;
    }

    public ObjectProperty<ActivationKind> activation() {
        return activation;
    }

    /** What is wrong with the typed units ("units: 'abc' is not a whole number"), or "" when nothing is. */
    public String unitsProblem() {
        try {
            toLayer();
            return "";
        } catch (InvalidSpecException e) {
            return e.getMessage();
        }
    }

    /** The layer as typed; an {@link InvalidSpecException} for "units" when the text is not one. */
    HiddenLayer toLayer() {
        String text = unitsText.get() == null ? "" : unitsText.get().trim();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("units", "'" + text + "' is not a whole number");
        }
        return new HiddenLayer(value, activation.get());
    }

    private Integer validUnits(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            return value >= 1 && value <= HiddenLayer.MAX_UNITS ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
