package org.mnistlab.ui.designer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mnistlab.data.DigitDistorter;
import org.mnistlab.data.Normalization;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Augmentation;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.RateSchedule;
import org.mnistlab.network.WeightInitKind;
import org.mnistlab.training.MemoryEstimate;

/**
 * The network designer's state: every field as the user typed it, the spec they add up to (or
 * the field at fault), and whether Train may be pressed.
 *
 * <p>Numbers are kept as text so a half-typed value ("0.") is shown as the user left it and
 * marked, instead of being silently replaced.
 */
public final class DesignerViewModel {
    public static final double LOG_LR_MIN = -5;
    public static final double LOG_LR_MAX = 1;
    /** Distorted copies in the strip beside "Distort training images". */
    public static final int PREVIEW_COPIES = 8;
    private static final long PREVIEW_SEED = 1;

    private final ObservableList<LayerRow> layers =
            FXCollections.observableArrayList(row -> new Observable[] {row.units(), row.unitsText(), row.activation()});
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>();
    private final StringProperty learningRate = new SimpleStringProperty();
    private final DoubleProperty learningRateLog10 = new SimpleDoubleProperty();
    private final StringProperty momentum = new SimpleStringProperty();
    private final StringProperty batchSize = new SimpleStringProperty();
    private final StringProperty epochs = new SimpleStringProperty();
    private final StringProperty seed = new SimpleStringProperty();
    private final StringProperty dropout = new SimpleStringProperty();
    private final StringProperty l2 = new SimpleStringProperty();
    private final ObjectProperty<WeightInitKind> weightInit = new SimpleObjectProperty<>();
    private final StringProperty initScale = new SimpleStringProperty();
    private final ObjectProperty<Normalization> normalization = new SimpleObjectProperty<>();
    private final StringProperty validationImages = new SimpleStringProperty();
    private final StringProperty patience = new SimpleStringProperty();
    private final ObjectProperty<Augmentation> augmentation = new SimpleObjectProperty<>();
    private final StringProperty schedule = new SimpleStringProperty();
    private final StringProperty warmup = new SimpleStringProperty();

    /**
     * Every setting of the spec, declared once: {@link #apply} fills the inputs from a spec, the
     * {@link #check} reads them back and is recomputed whenever one of them changes.
     */
    private final List<DesignerInput> inputs = List.of(
            new DesignerInput("hiddenLayers", layers,
                    spec -> layers.setAll(spec.hiddenLayers().stream().map(LayerRow::new).toList()),
                    builder -> builder.hiddenLayers(layers.stream().map(LayerRow::toLayer).toList())),
            DesignerInput.choice("optimizer", optimizer, NetworkSpec::optimizer, NetworkSpec.Builder::optimizer),
            DesignerInput.decimal("learningRate", "learning rate", learningRate, NetworkSpec::learningRate,
                    NetworkSpec.Builder::learningRate),
            DesignerInput.decimal("momentum", "momentum", momentum, NetworkSpec::momentum,
                    NetworkSpec.Builder::momentum),
            DesignerInput.whole("batchSize", "batch size", batchSize, NetworkSpec::batchSize,
                    NetworkSpec.Builder::batchSize),
            DesignerInput.whole("epochs", "epochs", epochs, NetworkSpec::epochs, NetworkSpec.Builder::epochs),
            DesignerInput.wholeLong("seed", "seed", seed, NetworkSpec::seed, NetworkSpec.Builder::seed),
            DesignerInput.decimal("dropout", "dropout", dropout, NetworkSpec::dropout, NetworkSpec.Builder::dropout),
            DesignerInput.decimal("l2", "L2", l2, NetworkSpec::l2, NetworkSpec.Builder::l2),
            DesignerInput.choice("weightInit", weightInit, NetworkSpec::weightInit, NetworkSpec.Builder::weightInit),
            DesignerInput.decimal("initScale", "init scale", initScale, NetworkSpec::initScale,
                    NetworkSpec.Builder::initScale),
            DesignerInput.choice("normalization", normalization, NetworkSpec::normalization,
                    NetworkSpec.Builder::normalization),
            DesignerInput.whole("validationImages", "validation", validationImages, NetworkSpec::validationImages,
                    NetworkSpec.Builder::validationImages),
            DesignerInput.whole("patience", "patience", patience, NetworkSpec::patience,
                    NetworkSpec.Builder::patience),
            DesignerInput.choice("augmentation", augmentation, NetworkSpec::augmentation,
                    NetworkSpec.Builder::augmentation),
            DesignerInput.written("schedule", schedule, NetworkSpec::schedule, NetworkSpec.Builder::schedule,
                    RateSchedule::text, RateSchedule::parse),
            DesignerInput.whole("warmup", "warmup", warmup, NetworkSpec::warmup, NetworkSpec.Builder::warmup));
    /** The course network the fields hold, or null ("Custom") once a setting differs from it. */
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>();
    private boolean applying;
    /** Set by the training panel: the architecture is locked while a run is under way. */
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final BooleanProperty dataReady = new SimpleBooleanProperty();
    /** Images in the data in use (0 until it is loaded): a batch cannot be larger, and memory depends on them. */
    private final IntegerProperty trainImages = new SimpleIntegerProperty();
    private final IntegerProperty testImages = new SimpleIntegerProperty();

    /** A training digit (intensities in [0, 1]) to show distorted beside the option; null until data loads. */
    private final ObjectProperty<float[]> previewDigit = new SimpleObjectProperty<>();
    private final ObjectBinding<List<float[]>> distortionPreview;

    private final ObjectBinding<SpecCheck> check;
    private final BooleanBinding canTrain;
    private final StringBinding trainBlockedReason;
    private final StringBinding summary;
    private final ObjectBinding<int[]> layerWidths;
    /** What the diagram shows while the layers do not make a valid network (it never is, for long). */
    private int[] lastValidWidths = NetworkSpec.defaults().layerWidths();
    private boolean syncingLearningRate;

    /** Bytes a run may still take; asked at each check, as other programs take and free memory. */
    private final LongSupplier availableMemory;

    public DesignerViewModel() {
        this(MemoryEstimate::availableBytes);
    }

    DesignerViewModel(LongSupplier availableMemory) {
        this.availableMemory = availableMemory;
        apply(NetworkSpec.defaults());
        List<Observable> dependencies = new ArrayList<>(inputs.stream().map(DesignerInput::property).toList());
        dependencies.addAll(List.of(trainImages, testImages));
        check = Bindings.createObjectBinding(this::readSpec, dependencies.toArray(Observable[]::new));
        canTrain = Bindings.createBooleanBinding(() -> check.get().isValid() && dataReady.get() && !locked.get(),
                check, dataReady, locked);
        trainBlockedReason = Bindings.createStringBinding(() -> {
            if (!check.get().isValid()) return check.get().message();
            if (!dataReady.get()) return "Waiting for MNIST to load…";
            return "";
        }, check, dataReady);
        summary = Bindings.createStringBinding(this::describe, layers);
        distortionPreview = Bindings.createObjectBinding(this::previewCopies, augmentation, previewDigit);
        layerWidths = Bindings.createObjectBinding(() -> {
            try {
                lastValidWidths = hiddenLayersOnly().layerWidths();
            } catch (InvalidSpecException e) {
                // keep the last picture; the summary says what is wrong
            }
            return lastValidWidths;
        }, layers);
        preset.addListener((obs, old, chosen) -> {
            if (chosen != null) apply(chosen.spec());
        });
        inputs.forEach(input -> input.property().addListener(edited -> forgetPresetIfEdited()));
        learningRate.addListener((obs, old, text) -> syncSliderFromText(text));
        learningRateLog10.addListener((obs, old, value) -> syncTextFromSlider(value.doubleValue()));
        syncSliderFromText(learningRate.get());
    }

    /** Fills every field from {@code spec} (a preset, or the defaults). */
    public void apply(NetworkSpec spec) {
        applying = true;
        try {
            inputs.forEach(input -> input.fill().accept(spec));
        } finally {
            applying = false;
        }
        forgetPresetIfEdited();
    }

    /**
     * "Use these settings" of a run or a model: false, and nothing changed, while a run trains (the
     * designer then steers that run's learning rate).
     */
    public boolean load(NetworkSpec spec) {
        if (locked.get()) return false;
        apply(spec);
        return true;
    }

    /** The preset box: choosing one fills every field; editing a field afterwards makes it "Custom" (null). */
    public ObjectProperty<Preset> preset() {
        return preset;
    }

    private void forgetPresetIfEdited() {
        if (applying || preset.get() == null) return;
        if (!preset.get().spec().equals(typedSpec())) preset.set(null);
    }

    /** The spec the fields spell, before the memory check; null while one is not valid. */
    private NetworkSpec typedSpec() {
        try {
            NetworkSpec.Builder builder = NetworkSpec.builder();
            inputs.forEach(input -> input.read().accept(builder));
            return builder.build();
        } catch (InvalidSpecException e) {
            return null;
        }
    }

    /** The spec settings the designer edits, by their names in {@link NetworkSpec}. */
    Set<String> settings() {
        return inputs.stream().map(DesignerInput::setting).collect(Collectors.toSet());
    }

    public void addLayer() {
        int units = layers.isEmpty() ? 64 : Math.max(1, layers.get(layers.size() - 1).units().get() / 2);
        layers.add(new LayerRow(units, ActivationKind.RELU));
    }

    public void removeLayer(LayerRow row) {
        layers.remove(row);
    }

    /** Moves a layer one place towards the input ({@code -1}) or the output ({@code +1}). */
    public void moveLayer(LayerRow row, int direction) {
        int from = layers.indexOf(row);
        int to = from + direction;
        if (from < 0 || to < 0 || to >= layers.size()) return;
        layers.remove(from);
        layers.add(to, row);
    }

    private SpecCheck readSpec() {
        try {
            NetworkSpec.Builder builder = NetworkSpec.builder();
            inputs.forEach(input -> input.read().accept(builder));
            NetworkSpec spec = builder.build();
            if (trainImages.get() > 0) {
                // The same check the trainer applies, so a run that cannot start is never offered.
                MemoryEstimate.requireRunnable(spec, trainImages.get(), testImages.get(),
                        availableMemory.getAsLong());
            }
            return SpecCheck.valid(spec);
        } catch (InvalidSpecException e) {
            return SpecCheck.invalid(e.field(), capitalise(e.getMessage()));
        }
    }

    /**
     * What the network would train on: {@link #PREVIEW_COPIES} distortions of the preview digit at
     * the chosen strength, always the same ones for a strength, so switching back and forth compares
     * like with like. Empty when distortion is off or no digit is loaded yet.
     */
    private List<float[]> previewCopies() {
        Augmentation strength = augmentation.get();
        float[] digit = previewDigit.get();
        if (strength == null || !strength.distorts() || digit == null) return List.of();
        return List.of(new DigitDistorter(strength.ranges(), PREVIEW_SEED).copies(digit, PREVIEW_COPIES, PREVIEW_SEED));
    }

    private String describe() {
        try {
            NetworkSpec spec = hiddenLayersOnly();
            return String.format(Locale.ROOT, "%s · %,d parameters", spec.architecture(), spec.parameterCount());
        } catch (InvalidSpecException e) {
            return capitalise(e.getMessage());
        }
    }

    /** The layers as they stand, with every other setting at its default. */
    private NetworkSpec hiddenLayersOnly() {
        return NetworkSpec.builder().hiddenLayers(layers.stream().map(LayerRow::toLayer).toList()).build();
    }

    private void syncSliderFromText(String text) {
        if (syncingLearningRate) return;
        try {
            double lr = Double.parseDouble(text.trim());
            if (lr > 0 && Double.isFinite(lr)) {
                syncingLearningRate = true;
                learningRateLog10.set(Math.max(LOG_LR_MIN, Math.min(LOG_LR_MAX, Math.log10(lr))));
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // The field is marked invalid through the spec check; the slider stays where it was.
        } finally {
            syncingLearningRate = false;
        }
    }

    private void syncTextFromSlider(double log10) {
        if (syncingLearningRate) return;
        syncingLearningRate = true;
        try {
            // Two significant digits: the slider is for the order of magnitude, the field for exact values.
            learningRate.set(NetworkSpec.formatNumber(Double.parseDouble(
                    String.format(Locale.ROOT, "%.1e", Math.pow(10, log10)))));
        } finally {
            syncingLearningRate = false;
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ObservableList<LayerRow> layers() { return layers; }
    public ObjectProperty<OptimizerKind> optimizer() { return optimizer; }
    public StringProperty learningRate() { return learningRate; }
    public DoubleProperty learningRateLog10() { return learningRateLog10; }
    /** The schedule as the CLI writes it: constant, step:2:0.5, exp:0.9, cosine, cosine:0.001. */
    public StringProperty schedule() { return schedule; }
    /** Warm-up steps, as text. */
    public StringProperty warmup() { return warmup; }
    public StringProperty momentum() { return momentum; }
    public StringProperty batchSize() { return batchSize; }
    public StringProperty epochs() { return epochs; }
    public StringProperty seed() { return seed; }
    public StringProperty dropout() { return dropout; }
    public StringProperty l2() { return l2; }
    public ObjectProperty<WeightInitKind> weightInit() { return weightInit; }
    public StringProperty initScale() { return initScale; }
    public StringProperty validationImages() { return validationImages; }
    public StringProperty patience() { return patience; }
    public ObjectProperty<Normalization> normalization() { return normalization; }
    public ObjectProperty<Augmentation> augmentation() { return augmentation; }
    public ObjectProperty<float[]> previewDigit() { return previewDigit; }
    /** The strip's images, 28×28 intensities each; recomputed when the strength or the digit changes. */
    public ObjectBinding<List<float[]>> distortionPreview() { return distortionPreview; }
    public BooleanProperty locked() { return locked; }
    public BooleanProperty dataReady() { return dataReady; }
    public IntegerProperty trainImages() { return trainImages; }
    public IntegerProperty testImages() { return testImages; }
    public ObjectBinding<SpecCheck> check() { return check; }
    public BooleanBinding canTrain() { return canTrain; }
    public StringBinding trainBlockedReason() { return trainBlockedReason; }
    public StringBinding summary() { return summary; }
    /** Layer widths from input to output, for the diagram: [784, 64, 32, 10]. */
    public ObjectBinding<int[]> layerWidths() { return layerWidths; }
}
