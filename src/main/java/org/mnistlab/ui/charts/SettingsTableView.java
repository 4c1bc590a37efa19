package org.mnistlab.ui.charts;

import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.mnistlab.ui.Texts;

/**
 * Every run in the list, one a row, with its settings in columns; the columns whose value is not
 * the same for every run are highlighted ({@code .differs} in the style sheet), so a sweep's one
 * changed setting, or the one difference between two runs that ended apart, stands out.
 */
final class SettingsTableView {
    private final RunListViewModel runs;
    private final TableView<RecordedRun> table = new TableView<>();
    private final VBox root;

    SettingsTableView(RunListViewModel runs) {
        this.runs = runs;
        table.setId("settingsTable");
        table.setItems(runs.shown());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs yet."));
        TableColumn<RecordedRun, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(cell -> cell.getValue().name());
        table.getColumns().add(name);
        for (SettingsColumn setting : SettingsColumn.values()) {
            TableColumn<RecordedRun, String> column = new TableColumn<>(setting.heading());
            column.setId("setting-" + setting.name().toLowerCase(java.util.Locale.ROOT));
            column.setUserData(setting);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(setting.valueOf(cell.getValue().spec())));
            table.getColumns().add(column);
        }
        runs.shown().addListener((ListChangeListener<RecordedRun>) change -> highlight());
        highlight();
        root = new VBox(6, Texts.hint("Highlighted columns differ between the runs listed (the run list's "
                + "filter applies here too)."), table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        root.getStyleClass().add("settings-table");
        root.setPrefSize(980, 360);
    }

    Node node() {
        return root;
    }

    private void highlight() {
        Set<SettingsColumn> differing = runs.differingSettings();
        for (TableColumn<RecordedRun, ?> column : table.getColumns()) {
            if (!(column.getUserData() instanceof SettingsColumn setting)) continue;
            column.getStyleClass().remove("differs");
            if (differing.contains(setting)) column.getStyleClass().add("differs");
        }
    }
}
