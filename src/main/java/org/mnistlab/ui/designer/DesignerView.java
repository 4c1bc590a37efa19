package org.mnistlab.ui.designer;

import java.util.Locale;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.mnistlab.data.Normalization;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Augmentation;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.WeightInitKind;
import org.mnistlab.ui.DigitImages;
import org.mnistlab.ui.Texts;

/** The network designer panel: layers, training settings, presets and a live summary. */
public final class DesignerView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** What the preset box says while the fields hold no course network as it was chosen. */
    static final String CUSTOM = "Custom";

    private final DesignerViewModel vm;
    private final VBox root = new VBox(6);
    private final VBox layerRows = new VBox(4);
    private final NetworkDiagram diagram = new NetworkDiagram(300, 64);

    public DesignerView(DesignerViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("designer");
        // Compact enough that the whole designer fits a 1280×720 window without scrolling.
        Label heading = Texts.heading("Network");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Node presets = presets();
        HBox.setHgrow(presets, Priority.ALWAYS);
        HBox network = new HBox(10, heading, presets);
        network.setAlignment(Pos.CENTER_LEFT);
        Button add = addLayerButton();
        add.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = summary();
        summary.setWrapText(true); // a long architecture takes a second line beside the button
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox addAndSummary = new HBox(10, add, summary);
        addAndSummary.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(
                network,
                Texts.hint("Hidden layers (input 784 → … → 10 softmax outputs)"), layerRows, addAndSummary,
                diagram,
                Texts.heading("Training"), settingsGrid());
        // Rows are added, removed or moved: rebuild. A row's units or activation changed: its own
        // controls already show it, and rebuilding would replace the spinner the user is pressing.
        vm.layers().addListener((ListChangeListener<LayerRow>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    rebuildLayerRows();
                    return;
                }
            }
        });
        rebuildLayerRows();
    }

    public Node node() {
        return root;
    }

    private Node presets() {
        ComboBox<Preset> presets = new ComboBox<>();
        presets.setId("presetBox");
        presets.getItems().setAll(Preset.all());
        presets.setPromptText(CUSTOM);
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setMinWidth(0);
        presets.setTooltip(Texts.tip("Fills in every setting with a network from the course notebooks. "
                + "It says Custom again once you change a setting."));
        // Each preset says in its own tooltip what it shows and what the notebook printed.
        presets.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Preset preset, boolean empty) {
                super.updateItem(preset, empty);
                setText(empty || preset == null ? null : preset.name());
                setTooltip(empty || preset == null ? null : Texts.tip(preset.tooltip()));
            }
        });
        // Null is "Custom": the fields no longer hold a course network since one was edited.
        presets.valueProperty().bindBidirectional(vm.preset());
        presets.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Preset preset, boolean empty) {
                super.updateItem(preset, empty);
                // Set by hand: a combo box shows no prompt again once its value went back to null.
                setText(empty || preset == null ? CUSTOM : preset.name());
            }
        });
        presets.disableProperty().bind(vm.locked());
        return presets;
    }

    private void rebuildLayerRows() {
        layerRows.getChildren().clear();
        for (int i = 0; i < vm.layers().size(); i++) {
            layerRows.getChildren().add(layerRow(vm.layers().get(i), i));
        }
        if (vm.layers().isEmpty()) {
            layerRows.getChildren().add(
                    Texts.hint("No hidden layer: 784 inputs straight to 10 outputs (logistic regression)."));
        }
    }

    private Node layerRow(LayerRow row, int index) {
        Label name = new Label("Layer " + (index + 1));
        name.setMinWidth(52);
        Spinner<Integer> units = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                1, HiddenLayer.MAX_UNITS, row.units().get(), 8);
        values.setConverter(keepValueOnBadText(units));
        units.setValueFactory(values);
        units.setEditable(true);
        units.setPrefWidth(96); // four digits and the caret
        units.getStyleClass().add("units-spinner");
        String help = "How many neurons this layer has (1–4096). More units can learn more, "
                + "but train slower and can overfit.";
        Tooltip tooltip = Texts.tip(help);
        units.setTooltip(tooltip);
        units.getEditor().setText(row.unitsText().get());
        units.valueProperty().addListener((obs, old, v) -> row.units().set(v));
        // The text as typed is the row's units: bad text stays, marked, and blocks Train with its reason.
        units.getEditor().textProperty().addListener((obs, old, text) -> row.unitsText().set(text));
        Runnable mark = () -> {
            String problem = row.unitsProblem();
            units.getEditor().pseudoClassStateChanged(INVALID, !problem.isEmpty());
            tooltip.setText(problem.isEmpty() ? help : capitalised(problem) + "\n\n" + help);
        };
        row.unitsText().addListener((obs, old, text) -> mark.run());
        mark.run();
        ComboBox<ActivationKind> activation = new ComboBox<>();
        activation.getItems().setAll(ActivationKind.values());
        activation.setValue(row.activation().get());
        activation.valueProperty().bindBidirectional(row.activation());
        activation.setTooltip(Texts.tip("The function each neuron applies to its weighted sum. ReLU is the usual "
                + "choice; sigmoid and tanh saturate and learn slower in deep networks."));
        Button up = smallButton("▲", "Move this layer towards the input", () -> vm.moveLayer(row, -1));
        Button down = smallButton("▼", "Move this layer towards the output", () -> vm.moveLayer(row, +1));
        Button remove = smallButton("✕", "Remove this layer", () -> vm.removeLayer(row));
        up.setDisable(index == 0);
        down.setDisable(index == vm.layers().size() - 1);
        HBox box = new HBox(4, name, units, activation, up, down, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("layer-row");
        box.disableProperty().bind(vm.locked());
        return box;
    }

    /**
     * Reads the units typed in a spinner. JavaFX commits the text through this on Enter and on
     * focus loss. Text that is no whole number, or is out of range, keeps the spinner's value and
     * stays in the field as typed, marked with its message: it is neither clamped nor reverted.
     */
    private static StringConverter<Integer> keepValueOnBadText(Spinner<Integer> spinner) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int value = Integer.parseInt(text.trim());
                    return value >= 1 && value <= HiddenLayer.MAX_UNITS ? value : spinner.getValue();
                } catch (NumberFormatException e) {
                    return spinner.getValue();
                }
            }
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private Button addLayerButton() {
        Button add = new Button("+ Add layer");
        add.setId("addLayerButton");
        add.setTooltip(Texts.tip("Adds a hidden layer at the output end. Deeper networks can learn more "
                + "complex features but are harder to train."));
        add.setOnAction(e -> vm.addLayer());
        add.disableProperty().bind(vm.locked().or(javafx.beans.binding.Bindings.size(vm.layers())
                .greaterThanOrEqualTo(org.mnistlab.network.NetworkSpec.MAX_HIDDEN_LAYERS)));
        return add;
    }

    private Label summary() {
        Label summary = new Label();
        summary.setId("architectureSummary");
        summary.getStyleClass().add("summary");
        summary.textProperty().bind(vm.summary());
        vm.layerWidths().addListener((obs, old, widths) -> diagram.draw(widths));
        diagram.draw(vm.layerWidths().get());
        return summary;
    }

    private Node settingsGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.setHgap(8);
        grid.setVgap(4);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints inputs = new javafx.scene.layout.ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        int row = 0;

        ComboBox<OptimizerKind> optimizer = combo(OptimizerKind.values(), vm.optimizer());
        optimizer.setTooltip(Texts.tip("How the gradient turns into a weight update. SGD takes plain steps; "
                + "Adam adapts the step for each weight and usually needs a smaller learning rate (0.001)."));
        grid.addRow(row++, new Label("Optimizer"), optimizer);

        Slider slider = new Slider(DesignerViewModel.LOG_LR_MIN, DesignerViewModel.LOG_LR_MAX, 0);
        slider.setId("learningRateSlider");
        slider.valueProperty().bindBidirectional(vm.learningRateLog10());
        slider.setMajorTickUnit(1);
        slider.setShowTickMarks(true);
        TextField lr = field("learningRateField", vm.learningRate(), "learning rate",
                "How big a step each update takes. Too large and the loss jumps around or becomes NaN; "
                        + "too small and learning crawls. You can change it while training runs.");
        lr.setPrefColumnCount(6);
        slider.setTooltip(lr.getTooltip());
        HBox lrBox = new HBox(6, slider, lr);
        HBox.setHgrow(slider, Priority.ALWAYS);
        grid.addRow(row++, new Label("Learning rate"), lrBox);

        TextField momentum = field("momentumField", vm.momentum(), "momentum",
                "For SGD + momentum and SGD + Nesterov: how much of the previous step carries over (0.9 is usual).");
        momentum.disableProperty().bind(vm.locked().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.optimizer().get() == null || !vm.optimizer().get().usesMomentum(), vm.optimizer())));
        momentum.setPrefColumnCount(5);
        TextField seedField = locked(field("seedField", vm.seed(), "seed",
                "Fixes the random starting weights and shuffling, so a run can be repeated exactly."));
        seedField.setPrefColumnCount(5);
        Label seedLabel = new Label("Seed");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox momentumAndSeed = new HBox(8, momentum, seedLabel, seedField);
        momentumAndSeed.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.addRow(row++, new Label("Momentum"), momentumAndSeed);
        TextField scheduleField = locked(field("scheduleField", vm.schedule(), "schedule",
                "How the learning rate moves during the run. constant: it stays. step:2:0.5 halves it every 2 "
                        + "epochs. exp:0.9 multiplies it by 0.9 per epoch, a little at each step. cosine falls along "
                        + "half a cosine to 0 at the end (cosine:0.001 to 0.001). Changing the rate by hand during "
                        + "a run replaces the schedule."));
        TextField warmupField = locked(field("warmupField", vm.warmup(),
                "warmup", "Steps (batches) at the start over which the rate rises in a straight line from almost "
                        + "0 to the schedule's, so the first large gradients do not throw the weights far. "
                        + "0 for none; it must end before the run does."));
        Node scheduleRow = pair(scheduleField, "Warm-up", warmupField);
        scheduleField.setPrefColumnCount(9); // "step:2:0.5" and "cosine:0.001" in full
        warmupField.setPrefColumnCount(4);
        grid.addRow(row++, new Label("Schedule"), scheduleRow);

        // Settings that belong together share a row, so the designer fits a 1280×720 window unscrolled.
        grid.addRow(row++, new Label("Batch size"), pair(locked(field("batchField", vm.batchSize(), "batch size",
                "Images per update. Small batches give noisy but frequent steps; large ones smooth but few.")),
                "Epochs", locked(field("epochsField", vm.epochs(), "epochs",
                Bindings.createStringBinding(() -> "How many times training goes through all "
                        + (vm.trainImages().get() > 0 ? String.format(Locale.ROOT, "%,d ", vm.trainImages().get())
                        : "the ") + "training images.", vm.trainImages())))));
        grid.addRow(row++, new Label("Dropout"), pair(locked(field("dropoutField", vm.dropout(), "dropout",
                "Chance of switching off each hidden neuron during training (0–0.95). Fights overfitting; "
                        + "0.2 is common.")), "L2", locked(field("l2Field", vm.l2(), "L2",
                "Penalty on large weights (weight decay). 0 turns it off; try 1e-4."))));

        ComboBox<WeightInitKind> init = locked(combo(WeightInitKind.values(), vm.weightInit()));
        init.setTooltip(Texts.tip("How the starting weights are drawn. He suits ReLU; Xavier suits tanh "
                + "and sigmoid. PyTorch default is what nn.Linear does when a notebook says nothing: weights and "
                + "biases uniform in ±1/√(inputs of the layer)."));
        // The scale shares the init's row: it only means something for the uniform init.
        TextField initScale = field("initScaleField", vm.initScale(), "init scale",
                "Uniform init draws every starting weight from [−scale, scale].");
        initScale.setPrefColumnCount(4);
        initScale.visibleProperty().bind(vm.weightInit().isEqualTo(WeightInitKind.UNIFORM));
        initScale.disableProperty().bind(vm.locked());
        HBox initBox = new HBox(6, init, initScale);
        grid.addRow(row++, new Label("Weight init"), initBox);
        ComboBox<Normalization> normalization = locked(combo(Normalization.values(), vm.normalization()));
        normalization.setTooltip(Texts.tip("How pixels (0–255) become inputs: scaled to [0, 1], or standardised "
                + "to mean 0 and standard deviation 1 over MNIST."));
        grid.addRow(row++, new Label("Inputs"), normalization);
        grid.addRow(row++, new Label("Validation"), pair(locked(field("validationField", vm.validationImages(),
                "validation", "Training images held out (chosen by the seed) to measure the network on while it "
                        + "trains, as the notebooks hold out 5,000 of the 60,000. The charts then show a validation "
                        + "curve beside training and test. 0 holds none out.")), "Patience",
                locked(field("patienceField", vm.patience(), "patience",
                "Early stopping: stop when the validation loss has not improved for this many epochs, and keep "
                        + "the best network, not the last. Needs validation images. 0 never stops early."))));

        ComboBox<Augmentation> augmentation = locked(combo(Augmentation.values(), vm.augmentation()));
        augmentation.setId("augmentationChoice");
        augmentation.setTooltip(Texts.tip("Bends every training image a little differently each epoch: turned up "
                + "to ±15°, slanted, resized by ±15 %, shifted 2–3 px, strokes a pixel bolder or finer, and with "
                + "Strong a gentle elastic wobble. The network then reads hands MNIST's pen-writers never had, "
                + "such as mouse drawings. The test images are never distorted."));
        Label distortLabel = new Label("Distort training images");
        distortLabel.setWrapText(true);
        grid.addRow(row++, distortLabel, augmentation);
        grid.add(distortionStrip(), 0, row, 2, 1);
        optimizer.disableProperty().bind(vm.locked());
        return grid;
    }

    /** Two settings on one row: the first input, then the second's label and input. */
    private static Node pair(TextField first, String secondLabel, TextField second) {
        first.setPrefColumnCount(5);
        second.setPrefColumnCount(5);
        Label label = new Label(secondLabel);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, first, label, second);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    /** The strip of distorted copies of one training digit: what the network trains on. */
    private Node distortionStrip() {
        HBox strip = new HBox(3);
        strip.setId("distortionStrip");
        strip.getStyleClass().add("distortion-strip");
        Consumer<List<float[]>> show = copies -> strip.getChildren().setAll(copies.stream()
                .map(copy -> {
                    ImageView view = new ImageView(DigitImages.of(copy));
                    view.setFitWidth(30);
                    view.setFitHeight(30);
                    return (Node) view;
                }).toList());
        vm.distortionPreview().addListener((obs, old, copies) -> show.accept(copies));
        show.accept(vm.distortionPreview().get());
        strip.visibleProperty().bind(Bindings.isNotEmpty(strip.getChildren()));
        strip.managedProperty().bind(strip.visibleProperty());
        Tooltip.install(strip, Texts.tip("Eight distorted copies of one training digit, as the network will see it."));
        return strip;
    }

    private <T extends Node> T locked(T control) {
        control.disableProperty().bind(vm.locked());
        return control;
    }

    /** A text field bound to {@code text}, marked when the spec check blames {@code field}. */
    private TextField field(String id, StringProperty text, String field, String help) {
        return field(id, text, field, new ReadOnlyStringWrapper(help));
    }

    /** The same, with help text that follows what it depends on (the data loaded). */
    private TextField field(String id, StringProperty text, String field, ObservableValue<String> help) {
        TextField input = new TextField();
        input.setId(id);
        input.setPrefColumnCount(8);
        input.textProperty().bindBidirectional(text);
        Tooltip tooltip = Texts.tip(help.getValue());
        input.setTooltip(tooltip);
        Runnable mark = () -> {
            SpecCheck check = vm.check().get();
            boolean blamed = field.equals(check.field());
            input.pseudoClassStateChanged(INVALID, blamed);
            tooltip.setText(blamed ? check.message() + "\n\n" + help.getValue() : help.getValue());
        };
        vm.check().addListener((obs, old, check) -> mark.run());
        help.addListener((obs, old, now) -> mark.run());
        mark.run();
        return input;
    }

    private static <T> ComboBox<T> combo(T[] values, javafx.beans.property.Property<T> property) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(property);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Button smallButton(String text, String help, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("small-button");
        b.setTooltip(Texts.tip(help));
        b.setOnAction(e -> action.run());
        return b;
    }
}
