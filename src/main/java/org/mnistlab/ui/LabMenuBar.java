package org.mnistlab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's menu bar (File, Edit, Run, Help) and its keys. Each item only calls a command a
 * panel already has, so a menu item and its button always do the same thing.
 *
 * <p>Ctrl/⌘ shortcuts are menu accelerators. Space and Esc are plain keys that also type a space
 * or close a popup, so they are no accelerators: {@link #installPlainKeys} acts on them only when
 * no text field has the focus and no control has used the key already.
 */
public final class LabMenuBar {
    /** What the menu can do; LabView fills it in from the panels' view-models and views. */
    public record Commands(
            Runnable openModel, Runnable saveModel, ObservableBooleanValue canSaveModel,
            Runnable exportCharts, Runnable exportRuns, ObservableBooleanValue canExportRuns, Runnable quit,
            Runnable undo, ObservableStringValue undoText, ObservableBooleanValue canUndo,
            Runnable clearPad,
            Runnable train, ObservableBooleanValue canTrain, Runnable togglePause, ObservableStringValue pauseText,
            Runnable stop, ObservableBooleanValue running,
            Runnable guide, Runnable shortcuts, Runnable about) {}

    /** The keyboard shortcuts, as the Help menu lists them. */
    public static final String SHORTCUTS = String.join("\n",
            "Ctrl+O\tOpen a model",
            "Ctrl+S\tSave the model the pad uses",
            "Ctrl+Z\tUndo the last stroke on the pad, or put back the last removed run",
            "Ctrl+Enter\tTrain",
            "Space\tPause or resume the run (when no text field has the focus)",
            "Esc\tStop the run",
            "F1\tThe short guide",
            "Ctrl+Q\tQuit");

    private final MenuBar bar = new MenuBar();

    public LabMenuBar(Commands c) {
        Menu file = new Menu("File", null,
                item("Open model…", "menuOpenModel", shortcut(KeyCode.O), c.openModel()),
                disabledUnless(item("Save model…", "menuSaveModel", shortcut(KeyCode.S), c.saveModel()),
                        c.canSaveModel()),
                new SeparatorMenuItem(),
                item("Export charts…", "menuExportCharts", null, c.exportCharts()),
                disabledUnless(item("Export runs…", "menuExportRuns", null, c.exportRuns()), c.canExportRuns()),
                new SeparatorMenuItem(),
                item("Quit", "menuQuit", shortcut(KeyCode.Q), c.quit()));
        MenuItem undo = disabledUnless(item("Undo", "menuUndo", shortcut(KeyCode.Z), c.undo()), c.canUndo());
        undo.textProperty().bind(c.undoText());
        Menu edit = new Menu("Edit", null, undo, item("Clear pad", "menuClearPad", null, c.clearPad()));
        MenuItem pause = disabledUnless(item("Pause", "menuPause", null, c.togglePause()), c.running());
        pause.textProperty().bind(Bindings.concat(c.pauseText(), "   (Space)"));
        Menu run = new Menu("Run", null,
                disabledUnless(item("Train", "menuTrain", new KeyCodeCombination(KeyCode.ENTER,
                        KeyCombination.SHORTCUT_DOWN), c.train()), c.canTrain()),
                pause,
                disabledUnless(item("Stop   (Esc)", "menuStop", null, c.stop()), c.running()));
        Menu help = new Menu("Help", null,
                item("Guide", "menuGuide", new KeyCodeCombination(KeyCode.F1), c.guide()),
                item("Keyboard shortcuts", "menuShortcuts", null, c.shortcuts()),
                new SeparatorMenuItem(),
                item("About MNIST Lab", "menuAbout", null, c.about()));
        bar.getMenus().setAll(file, edit, run, help);
        bar.setId("menuBar");
    }

    public MenuBar node() {
        return bar;
    }

    /**
     * Space pauses or resumes and Esc stops, on {@code root} and everything in it, unless a text
     * field has the focus (Space types a space there) or a control used the key (a focused button
     * presses, an open list closes).
     */
    public static void installPlainKeys(Node root, Commands c) {
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) return;
            if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl
                    && e.getCode() == KeyCode.SPACE) return;
            if (!c.running().get()) return;
            if (e.getCode() == KeyCode.SPACE) {
                c.togglePause().run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                c.stop().run();
                e.consume();
            }
        });
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (key != null) item.setAccelerator(key);
        item.setOnAction((ActionEvent e) -> action.run());
        return item;
    }

    private static MenuItem disabledUnless(MenuItem item, ObservableBooleanValue enabled) {
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> !enabled.get(), enabled));
        return item;
    }
}
