package org.mnistlab.ui.charts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.runs.StoredRun;
import org.mnistlab.ui.Texts;

/**
 * The run selected in the list: its name and note, which the user edits here, and its settings,
 * data, times and results. A name is kept on Enter or when the field is left; a note when it is left.
 */
final class RunDetailsView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private final RunListViewModel runs;
    private final TextField name = new TextField();
    private final TextArea note = new TextArea();
    private final Label details = new Label();
    private final javafx.scene.control.Button copyCommand = new javafx.scene.control.Button("Copy as command line");
    private final javafx.scene.control.Button useSettings = new javafx.scene.control.Button("Use these settings");
    private final VBox root;
    private final ChangeListener<Object> refresh = (obs, old, now) -> show();
    private RecordedRun shown;

    RunDetailsView(RunListViewModel runs) {
        this.runs = runs;
        name.setId("runName");
        name.setPromptText("Name of the run");
        note.setId("runNote");
        note.setPromptText("A note: what you tried, what you saw");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        details.setId("runDetails");
        details.setWrapText(true);
        name.setOnAction(e -> keepName());
        name.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) keepName();
        });
        note.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && shown != null) runs.setNote(shown, note.getText());
        });
        copyCommand.setId("copyCommandLine");
        copyCommand.getStyleClass().add("small-button");
        copyCommand.setTooltip(Texts.tip("Copies the train command that repeats this run's settings, to paste "
                + "into a terminal or a lesson's notes"));
        copyCommand.setOnAction(e -> {
            if (shown != null) runs.copyCommandLine(shown, line -> {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putString(line);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            });
        });
        useSettings.setId("useRunSettings");
        useSettings.setTooltip(Texts.tip("Puts this run's settings into the designer, to run them again or "
                + "change one thing"));
        useSettings.setOnAction(e -> {
            if (shown != null) runs.useSettings(shown);
        });
        // The two buttons wrap onto two lines when the details column is narrow.
        root = new VBox(6, Texts.heading("Selected run"), name, note, details,
                new javafx.scene.layout.FlowPane(8, 4, useSettings, copyCommand));
        root.setMinWidth(220);
        root.setMaxWidth(480);
        runs.selected().addListener((obs, old, run) -> {
            if (old != null) {
                old.label().removeListener(refresh);
                old.stored().removeListener(refresh);
            }
            shown = run;
            if (run != null) {
                run.label().addListener(refresh);
                run.stored().addListener(refresh);
            }
            show();
        });
        show();
    }

    Region node() {
        return root;
    }

    private void keepName() {
        if (shown != null && !name.getText().strip().equals(shown.name().get())) runs.rename(shown, name.getText());
    }

    private void show() {
        boolean any = shown != null;
        name.setDisable(!any);
        note.setDisable(!any);
        copyCommand.setDisable(!any);
        useSettings.setDisable(!any);
        if (!any) {
            name.setText("");
            note.setText("");
            details.setText("Select a run to see its settings and results, and to name it or add a note.");
            return;
        }
        if (!name.isFocused()) name.setText(shown.name().get());
        if (!note.isFocused()) note.setText(shown.note().get());
        details.setText(describe(shown));
    }

    static String describe(RecordedRun run) {
        NetworkSpec s = run.spec();
        StringBuilder text = new StringBuilder(s.summary()).append('\n');
        text.append(String.format(Locale.ROOT, "%d epochs · seed %d · init %s · %s · momentum %s · dropout %s · L2 %s%n",
                s.epochs(), s.seed(), s.weightInit(), s.normalization(), NetworkSpec.formatNumber(s.momentum()),
                NetworkSpec.formatNumber(s.dropout()), NetworkSpec.formatNumber(s.l2())));
        StoredRun stored = run.stored().get();
        if (stored == null) {
            return text.append("Not recorded in the run store (runs are not being saved).").toString();
        }
        text.append("Data: ").append(stored.data().describe()).append('\n');
        text.append("Started ").append(TIME.format(stored.startedAt()));
        if (stored.endedAt() != null) text.append(", ended ").append(TIME.format(stored.endedAt()));
        text.append(" · ").append(run.state().get() == RecordedRun.State.RUNNING ? "training…" : stored.ending().word())
                .append('\n');
        if (stored.bestTestAccuracy() != null) {
            text.append(String.format(Locale.ROOT, "Final test accuracy %.2f%% · best %.2f%% at epoch %d%n",
                    100 * stored.finalTestAccuracy(), 100 * stored.bestTestAccuracy(), stored.bestEpoch()));
        }
        if (stored.bestValidationAccuracy() != null) {
            text.append(String.format(Locale.ROOT, "Best validation accuracy %.2f%% at epoch %d%n",
                    100 * stored.bestValidationAccuracy(), stored.bestValidationEpoch()));
        }
        text.append("Run ").append(stored.id()).append(" · lab ").append(stored.appVersion())
                .append(stored.hasModel() ? " · model kept" : " · no model");
        return text.toString();
    }
}
