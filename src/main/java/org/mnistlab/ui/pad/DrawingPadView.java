package org.mnistlab.ui.pad;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mnistlab.ui.DigitImages;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.ProbabilityBars;
import org.mnistlab.ui.Texts;
import org.mnistlab.ui.mydigits.MyDigitsViewModel;

/**
 * A 280×280 canvas to draw on, the network's answer, the way from the drawing to the 28×28 input
 * step by step, and what every hidden layer makes of it.
 */
public final class DrawingPadView {
    private final Canvas canvas = new Canvas(PadViewModel.CANVAS_SIDE, PadViewModel.CANVAS_SIDE);
    private final VBox root = new VBox(14);
    private final ScrollPane scroll;
    private final ModelFilesViewModel models;
    private final LabContext context;

    public DrawingPadView(PadViewModel vm, ModelFilesViewModel models, LabContext context) {
        this(vm, models, context, null);
    }

    /** @param myDigits the set "Keep this drawing as a …" adds to; null shows no such row */
    public DrawingPadView(PadViewModel vm, ModelFilesViewModel models, LabContext context,
            MyDigitsViewModel myDigits) {
        this.models = models;
        this.context = context;
        canvas.setId("padCanvas");
        canvas.getStyleClass().add("pad-canvas");
        canvas.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            vm.startStroke(e.getX(), e.getY());
        });
        canvas.setOnMouseDragged(e -> {
            if (!e.isPrimaryButtonDown()) return;
            vm.extendStroke(clamp(e.getX()), clamp(e.getY()));
        });
        canvas.setOnMouseReleased(e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            vm.endStroke(clamp(e.getX()), clamp(e.getY()));
        });
        Button clear = new Button("Clear");
        clear.setId("padClear");
        clear.setOnAction(e -> {
            vm.clear();
        });
        Button undo = new Button("Undo");
        undo.setId("padUndo");
        undo.setOnAction(e -> {
            vm.undo();
        });
        canvas.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        canvas.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                vm.readImageFile(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        Label hint = Texts.hint("Draw with the mouse or a pen: one digit, as large as you like, anywhere in the box. "
                + "Or drop an image file here.");
        hint.setMaxWidth(PadViewModel.CANVAS_SIDE);
        VBox left = new VBox(8, canvas, new HBox(8, undo, clear), hint);
        if (myDigits != null) left.getChildren().add(keepRow(vm, myDigits));

        Label digit = new Label();
        digit.setId("padPrediction");
        digit.getStyleClass().add("pad-prediction");
        digit.textProperty().bind(vm.answer());
        Label message = new Label();
        message.setId("padMessage");
        message.setWrapText(true);
        message.setMaxWidth(300);
        message.textProperty().bind(vm.message());
        Label doubt = new Label();
        doubt.setId("padDoubt");
        doubt.getStyleClass().add("pad-doubt");
        doubt.textProperty().bind(vm.doubt());
        Label model = Texts.hint("");
        model.setMaxWidth(300);
        model.textProperty().bind(context.modelDescription().map(d -> "Model: " + d));
        ProbabilityBars bars = new ProbabilityBars();
        vm.probabilities().addListener((obs, old, p) -> bars.show(p));
        Button open = new Button("Open model…");
        open.setId("openModelButton");
        open.setTooltip(Texts.tip("Use a model saved earlier, here or with the command line (train --out)."));
        open.disableProperty().bind(models.busy());
        open.setOnAction(e -> openModel());
        Button save = new Button("Save model…");
        save.setId("saveModelButton");
        save.setTooltip(Texts.tip("Save the model the pad uses as a .zip, to open later or use with predict."));
        save.disableProperty().bind(models.canSave().not());
        save.setOnAction(e -> saveModel());
        Button settings = new Button("Use its settings");
        settings.setId("useModelSettings");
        settings.setTooltip(Texts.tip("Puts the settings this model was trained with into the designer"));
        settings.disableProperty().bind(context.model().isNull());
        settings.setOnAction(e -> context.useSettings(context.model().get().spec(),
                "the model in use (" + context.modelDescription().get() + ")"));
        settings.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label saved = Texts.hint("");
        saved.setId("modelFileMessage");
        saved.setMaxWidth(300);
        saved.textProperty().bind(models.lastAction());
        VBox answer = new VBox(8, new Label("The network reads:"), digit, doubt, message, bars.node(), model,
                new HBox(8, open, save), settings, saved);
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        PadStepsView steps = new PadStepsView();
        ActivationStripsView strips = new ActivationStripsView();
        vm.details().addListener((obs, old, reading) -> {
            steps.show(reading);
            strips.show(reading == null ? null : reading.strips(), reading != null && reading.strips().isEmpty());
        });
        vm.firstLayer().addListener((obs, old, grid) -> strips.useWeights(grid));
        strips.useWeights(vm.firstLayer().get());

        // The step-by-step column moves under the drawing when the window is too narrow for three
        // columns (1024 px), instead of needing a sideways scroll.
        FlowPane top = new FlowPane(24, 16, left, answer, steps.node());
        top.setAlignment(Pos.TOP_LEFT);
        top.setRowValignment(javafx.geometry.VPos.TOP);
        root.getChildren().addAll(top, strips.node());
        scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        top.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(40));
        scroll.getStyleClass().add("pad-scroll");
        root.getStyleClass().add("pad");
        vm.picture().addListener((obs, old, picture) -> canvas.getGraphicsContext2D().drawImage(DigitImages.of(picture), 0, 0));
        canvas.getGraphicsContext2D().drawImage(DigitImages.of(vm.picture().get()), 0, 0);
    }

    public Node node() {
        return scroll;
    }

    /** Asks for a model file and opens it: the Open model… button and File > Open model… (Ctrl+O). */
    public void openModel() {
        Path file = context.dialogs().chooseModelToOpen(root.getScene().getWindow());
        if (file != null) models.open(file);
    }

    /** Asks where to save the pad's model and saves it: the button and File > Save model… (Ctrl+S). */
    public void saveModel() {
        if (!models.canSave().get()) return;
        Path file = context.dialogs().chooseModelSaveTarget(root.getScene().getWindow(), context.modelFileName().get());
        if (file != null) models.save(file);
    }

    /** "Keep this drawing as a" and one button per digit: one click keeps it with that label. */
    private static Node keepRow(PadViewModel vm, MyDigitsViewModel myDigits) {
        HBox digits = new HBox(2);
        for (int d = 0; d <= 9; d++) {
            int label = d;
            Button keep = new Button(String.valueOf(d));
            keep.setId("keepAs" + d);
            keep.getStyleClass().add("keep-digit");
            keep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            keep.setTooltip(Texts.tip("Keep this drawing as a " + d + " in My digits, with its strokes. "
                    + "My digits shows how the network reads your own hand, and can add it to training."));
            keep.setOnAction(e -> vm.keepAs(label));
            digits.getChildren().add(keep);
        }
        Label result = Texts.hint("");
        result.setId("keepMessage");
        result.setMaxWidth(PadViewModel.CANVAS_SIDE);
        result.textProperty().bind(myDigits.lastAction());
        VBox row = new VBox(4, new Label("Keep this drawing as a"), digits, result);
        row.getStyleClass().add("keep-row");
        return row;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(PadViewModel.CANVAS_SIDE, v));
    }
}
