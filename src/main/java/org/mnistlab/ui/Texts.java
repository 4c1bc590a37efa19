package org.mnistlab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The window's recurring kinds of text, styled in one place (see lab.css). */
public final class Texts {
    private Texts() {}

    /** A small grey explanation, wrapped to the width it gets. */
    public static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }

    /** The title of a panel or a section of one. */
    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }

    /** A tooltip that wraps: explanations for students run to a few sentences. */
    public static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(340);
        return tooltip;
    }
}
