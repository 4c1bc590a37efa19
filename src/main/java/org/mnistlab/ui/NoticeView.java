package org.mnistlab.ui;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The notice, floating over the top of the window instead of pushing it down: the window keeps
 * its layout whatever is said. A warning stays until closed; a confirmation ("Saved …",
 * "Removed run 2 · Undo") fades after a few seconds, unless the mouse rests on it.
 */
public final class NoticeView {
    /** How long a confirmation stays before it fades. */
    static final Duration SHOWN = Duration.seconds(5);
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final StackPane layer = new StackPane();
    private final SequentialTransition fade;

    public NoticeView(LabContext context) {
        Label text = new Label();
        text.setId("notice");
        text.setWrapText(true);
        text.textProperty().bind(context.notice());
        Button action = new Button();
        action.setId("noticeAction");
        action.getStyleClass().add("notice-action");
        action.textProperty().bind(context.noticeAction().map(LabContext.NoticeAction::label).orElse(""));
        action.visibleProperty().bind(context.noticeAction().isNotNull());
        action.managedProperty().bind(action.visibleProperty());
        action.setOnAction(e -> context.runNoticeAction());
        Button dismiss = new Button("✕");
        dismiss.setId("noticeClose");
        dismiss.getStyleClass().add("small-button");
        dismiss.setOnAction(e -> context.dismissNotice());
        HBox card = new HBox(10, text, action, dismiss);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("notice-card");
        card.setMaxWidth(600);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.visibleProperty().bind(context.notice().isNotEmpty());

        FadeTransition out = new FadeTransition(Duration.millis(600), card);
        out.setToValue(0);
        fade = new SequentialTransition(new PauseTransition(SHOWN), out);
        fade.setOnFinished(e -> context.dismissNotice());
        context.noticeRevision().addListener((obs, old, now) -> {
            fade.stop();
            card.setOpacity(1);
            card.pseudoClassStateChanged(DONE, context.noticeFades().get());
            if (context.noticeFades().get() && !context.notice().get().isEmpty()) fade.playFromStart();
        });
        // Reading it, or about to press Undo: it waits.
        card.setOnMouseEntered(e -> {
            if (fade.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                fade.stop();
                card.setOpacity(1);
            }
        });
        card.setOnMouseExited(e -> {
            if (context.noticeFades().get() && !context.notice().get().isEmpty()) fade.playFromStart();
        });

        layer.getChildren().add(card);
        StackPane.setAlignment(card, Pos.TOP_RIGHT);
        StackPane.setMargin(card, new javafx.geometry.Insets(34, 10, 0, 10)); // below the tab headers
        layer.setPickOnBounds(false); // clicks outside the card reach the window below
        layer.getStyleClass().add("notice-layer");
    }

    /** A layer to stack over the window's content. */
    public Node node() {
        return layer;
    }
}
