package org.mnistlab.ui.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistlab.network.Augmentation;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.testing.Specs;

/**
 * Whatever is typed into the designer in a hurry, Train stays disabled and the reason names the
 * field and what it allows. (The window marks the field from {@link SpecCheck#field()}.)
 */
class DesignerViewModelTest {
    private static final long PLENTY = 64L << 30;

    private static DesignerViewModel designer(long availableBytes) {
        DesignerViewModel vm = new DesignerViewModel(() -> availableBytes);
        vm.dataReady().set(true);
        vm.trainImages().set(60_000);
        vm.testImages().set(10_000);
        return vm;
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                bad("learning rate", DesignerViewModel::learningRate, "fast", "Learning rate: 'fast' is not a number"),
                bad("learning rate", DesignerViewModel::learningRate, "NaN", "Learning rate: NaN is not a finite number"),
                bad("learning rate", DesignerViewModel::learningRate, "Infinity",
                        "Learning rate: Infinity is not a finite number"),
                bad("learning rate", DesignerViewModel::learningRate, "0", "Learning rate: 0 is outside (0, 100]"),
                bad("learning rate", DesignerViewModel::learningRate, "-0.1", "Learning rate: -0.1 is outside (0, 100]"),
                bad("batch size", DesignerViewModel::batchSize, "0", "Batch size: 0 is outside 1-60000"),
                bad("batch size", DesignerViewModel::batchSize, "-20", "Batch size: -20 is outside 1-60000"),
                bad("batch size", DesignerViewModel::batchSize, "12.5", "Batch size: '12.5' is not a whole number"),
                bad("epochs", DesignerViewModel::epochs, "", "Epochs: '' is not a whole number"),
                bad("dropout", DesignerViewModel::dropout, "NaN", "Dropout: NaN is not a finite number"),
                bad("L2", DesignerViewModel::l2, "-1", "L2: -1 is outside [0, 1]"));
    }

    private static Arguments bad(String field, java.util.function.Function<DesignerViewModel, StringProperty> property,
            String typed, String reason) {
        Consumer<DesignerViewModel> type = vm -> property.apply(vm).set(typed);
        return Arguments.of(field + " = '" + typed + "'", type, field, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void aBadEntryDisablesTrainAndNamesTheField(String entry, Consumer<DesignerViewModel> type, String field,
            String reason) {
        DesignerViewModel vm = designer(PLENTY);
        assertTrue(vm.canTrain().get(), "the defaults are fine");
        type.accept(vm);
        assertFalse(vm.canTrain().get());
        assertEquals(field, vm.check().get().field());
        assertEquals(reason, vm.trainBlockedReason().get());
    }

    @Test
    void aLayerOfTenMillionUnitsIsRefusedAtTheField() {
        DesignerViewModel vm = designer(PLENTY);
        vm.layers().get(0).units().set(10_000_000);
        assertFalse(vm.canTrain().get());
        assertEquals("units", vm.check().get().field());
        assertEquals("Units: 10000000 is outside 1-4096", vm.trainBlockedReason().get());
    }

    @Test
    void unitsTypedAsTextAreReadAsTheCommandLineReadsThem() {
        DesignerViewModel vm = designer(PLENTY);
        LayerRow first = vm.layers().get(0);
        first.unitsText().set("abc");
        assertEquals("Units: 'abc' is not a whole number", vm.trainBlockedReason().get());
        assertEquals(64, first.units().get(), "the diagram keeps the last good value");
        first.unitsText().set("100000");
        assertEquals("Units: 100000 is outside 1-4096", vm.trainBlockedReason().get());
        first.unitsText().set(" 128 ");
        assertTrue(vm.check().get().isValid(), vm.check().get().message());
        assertEquals(128, vm.check().get().spec().hiddenLayers().get(0).units());
        assertEquals(128, first.units().get());
    }

    @Test
    void aBatchLargerThanTheDataIsRefused() {
        DesignerViewModel vm = designer(PLENTY);
        vm.trainImages().set(3_000); // a small data folder
        vm.batchSize().set("5000");
        assertFalse(vm.canTrain().get());
        assertEquals("Batch size: 5,000 is larger than the 3,000 training images", vm.trainBlockedReason().get());
        vm.trainImages().set(60_000); // back to the bundled MNIST
        assertTrue(vm.canTrain().get());
    }

    @Test
    void aRunThatCannotFitInMemoryIsRefusedSayingHowMuchItNeeds() {
        DesignerViewModel vm = designer(2L << 30);
        vm.apply(org.mnistlab.network.NetworkSpec.defaults());
        vm.layers().get(0).units().set(4096);
        vm.layers().get(1).units().set(4096);
        assertTrue(vm.canTrain().get(), "784-4096-4096-10 at batch 100 fits in 2 GB");
        vm.batchSize().set("60000");
        assertFalse(vm.canTrain().get());
        assertEquals("batch size", vm.check().get().field());
        assertTrue(vm.trainBlockedReason().get().startsWith(
                "Batch size: this run would need about 9.4 GB of memory but only about 2.1 GB is free"),
                vm.trainBlockedReason().get());
    }

    @Test
    void everySpecSettingIsADesignerInput() {
        assertEquals(Specs.settingNames(), designer(PLENTY).settings());
    }

    @Test
    void aSpecWithEverySettingChangedIsReadBackAsItWasApplied() {
        DesignerViewModel vm = designer(PLENTY);
        vm.apply(Specs.everySettingChanged());
        assertEquals(Specs.everySettingChanged(), vm.check().get().spec());
    }

    @Test
    void changingAnySettingAloneRecomputesTheCheck() {
        DesignerViewModel vm = designer(PLENTY);
        for (String setting : Specs.settingNames()) {
            vm.apply(NetworkSpec.defaults());
            assertEquals(NetworkSpec.defaults(), vm.check().get().spec());
            vm.apply(Specs.defaultsExcept(setting));
            assertEquals(Specs.defaultsExcept(setting), vm.check().get().spec(),
                    setting + ": the check binding did not see the change");
        }
    }

    @Test
    void theStripShowsEightDistortedCopiesOfATrainingDigitOnlyWhileDistortionIsOn() {
        DesignerViewModel vm = designer(PLENTY);
        float[] digit = org.mnistlab.testing.TestData.mnist().train().intensities(0);
        assertTrue(vm.distortionPreview().get().isEmpty(), "off by default, and no digit yet");
        vm.previewDigit().set(digit);
        assertTrue(vm.distortionPreview().get().isEmpty(), "off shows no strip");

        vm.augmentation().set(Augmentation.GENTLE);
        List<float[]> gentle = vm.distortionPreview().get();
        assertEquals(DesignerViewModel.PREVIEW_COPIES, gentle.size());
        assertEquals(8, gentle.stream().map(java.util.Arrays::hashCode).distinct().count(), "eight different copies");
        assertTrue(gentle.stream().noneMatch(copy -> java.util.Arrays.equals(copy, digit)), "each one distorted");
        assertEquals(Augmentation.GENTLE, vm.check().get().spec().augmentation(), "the spec trains with it");

        vm.augmentation().set(Augmentation.STRONG);
        List<float[]> strong = vm.distortionPreview().get();
        assertEquals(8, strong.size());
        assertFalse(java.util.Arrays.equals(gentle.get(0), strong.get(0)), "another strength, other copies");
        vm.augmentation().set(Augmentation.GENTLE);
        assertTrue(java.util.Arrays.equals(gentle.get(3), vm.distortionPreview().get().get(3)),
                "back to gentle, the same copies as before");

        vm.augmentation().set(Augmentation.OFF);
        assertTrue(vm.distortionPreview().get().isEmpty());
    }

    @Test
    void theDiagramFollowsTheLayersAsTheSpecCountsThem() {
        DesignerViewModel vm = designer(PLENTY);
        assertEquals("[784, 64, 32, 10]", java.util.Arrays.toString(vm.layerWidths().get()));
        vm.addLayer();
        vm.layers().get(0).units().set(100);
        assertEquals("[784, 100, 32, 16, 10]", java.util.Arrays.toString(vm.layerWidths().get()));
        vm.layers().clear();
        assertEquals("[784, 10]", java.util.Arrays.toString(vm.layerWidths().get()));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void aChosenPresetStaysInTheBoxUntilASettingIsEdited(Preset preset) {
        DesignerViewModel vm = designer(PLENTY);
        vm.preset().set(preset);
        assertEquals(preset.spec(), vm.check().get().spec(), "every field filled from it");
        assertEquals(preset, vm.preset().get(), "its own values read back as the preset");

        vm.batchSize().set(String.valueOf(preset.spec().batchSize() + 1));
        assertEquals(null, vm.preset().get(), "Custom once a setting differs");
        vm.batchSize().set(String.valueOf(preset.spec().batchSize()));
        assertEquals(null, vm.preset().get(), "and stays Custom: the user took over");
    }

    static Stream<Preset> presets() {
        return Preset.all().stream();
    }

    @Test
    void anotherRunsSettingsLoadIntoTheDesignerButNotWhileARunTrains() {
        DesignerViewModel vm = designer(PLENTY);
        vm.preset().set(Preset.all().get(0));
        NetworkSpec theirs = NetworkSpec.defaults().toBuilder().learningRate(0.003).batchSize(32).build();
        vm.locked().set(true);
        assertFalse(vm.load(theirs));
        assertEquals(Preset.all().get(0).spec(), vm.check().get().spec(), "a run under way keeps its designer");
        vm.locked().set(false);
        assertTrue(vm.load(theirs));
        assertEquals(theirs, vm.check().get().spec());
        assertEquals(null, vm.preset().get(), "the preset box says Custom");
    }
}
