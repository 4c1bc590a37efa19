package org.mnistlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.inspection.NetworkInspection;
import org.mnistlab.inspection.Verdict;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.LabContext;

/** The panel's logic without a window: the work runs inline on the test's thread. */
class InsideViewModelTest {
    private LabContext context;
    private InsideViewModel vm;
    private final List<float[]> sentToPad = new ArrayList<>();
    private static final TrainedModel bundled = ModelFile.loadBundledDefault().model();

    @BeforeEach
    void showTheBundledModelOnAThousandTestImages() {
        context = new LabContext(FileDialogs.SYSTEM);
        MnistData full = TestData.mnist();
        context.data().set(new MnistData(full.train().first(10), full.test().first(1000)));
        context.useModel(bundled, "bundled");
        vm = new InsideViewModel(context, new CurrentThreadTaskExecutor(), sentToPad::add);
    }

    @Test
    void nothingIsInspectedUntilThePanelIsShown() {
        assertNull(vm.inspection().get());
        vm.showing().set(true);
        assertNotNull(vm.inspection().get());
        assertTrue(vm.caption().get().startsWith("bundled: "), vm.caption().get());
        assertTrue(vm.caption().get().contains("of 1,000 test images right"), vm.caption().get());
    }

    @Test
    void atFirstTheMostConfidentMistakesAreListedAndTheSurestIsSelected() {
        vm.showing().set(true);
        List<Verdict> listed = vm.listed();
        assertTrue(listed.size() > 3, "the bundled model makes some mistakes on 1,000 images");
        assertTrue(listed.stream().noneMatch(Verdict::correct));
        for (int i = 1; i < listed.size(); i++) {
            assertTrue(listed.get(i - 1).confidence() >= listed.get(i).confidence());
        }
        assertSame(listed.get(0), vm.selected().get());
    }

    @Test
    void clickingACellListsEveryImageOfThatCell() {
        vm.showing().set(true);
        int[] cell = busiestMistakeCell();
        vm.selectCell(cell[0], cell[1]);
        int count = vm.inspection().get().cells().count(cell[0], cell[1]);
        assertEquals(count, vm.listed().size());
        assertTrue(vm.listed().stream().allMatch(v -> v.actual() == cell[0] && v.predicted() == cell[1]));
        assertTrue(vm.listTitle().get().startsWith(cell[0] + " read as " + cell[1] + ": " + count),
                vm.listTitle().get());
    }

    @Test
    void theDiagonalAndTheShakyListShowRightAnswersLeastConfidentFirst() {
        vm.showing().set(true);
        vm.selectCell(7, 7);
        assertTrue(vm.listed().stream().allMatch(Verdict::correct));
        assertTrue(vm.listed().get(0).confidence() <= vm.listed().get(vm.listed().size() - 1).confidence());
        vm.showLeastConfidentCorrect();
        assertEquals(InsideViewModel.LIST_LIMIT, vm.listed().size());
        assertTrue(vm.listed().stream().allMatch(Verdict::correct));
        assertEquals("The 60 least confident right answers", vm.listTitle().get());
    }

    @Test
    void aNewModelKeepsTheChosenCellAndRelistsItsImages() {
        vm.showing().set(true);
        vm.selectCell(4, 9);
        NetworkInspection before = vm.inspection().get();
        context.useModel(changed(), "halved");
        assertNotSame(before, vm.inspection().get());
        assertEquals(InsideViewModel.Listing.cell(4, 9), vm.listing().get());
        assertTrue(vm.listed().stream().allMatch(v -> v.actual() == 4 && v.predicted() == 9));
        assertEquals(vm.inspection().get().cells().count(4, 9), vm.listed().size());
    }

    @Test
    void aRunThatHeldImagesOutCanShowItsMatrixOnThoseValidationImages() {
        MnistData full = TestData.mnist();
        context.data().set(new MnistData(full.train().first(3000), full.test().first(1000)));
        vm.showing().set(true);
        assertFalse(vm.validationAvailable().get(), "the bundled model's run held nothing out");

        TrainedModel held = new TrainedModel(bundled.spec().toBuilder().validationImages(500).seed(3).build(),
                bundled.network());
        context.useModel(held, "validated");
        assertTrue(vm.validationAvailable().get());
        vm.onValidation().set(true);

        assertEquals("validation set", vm.imagesName().get());
        assertEquals(500, vm.inspection().get().cells().report().count());
        assertTrue(vm.caption().get().contains("of 500 validation images right"), vm.caption().get());
        DigitSet expected = full.train().first(3000).splitOff(500, 3)[1];
        Verdict first = vm.listed().get(0);
        assertEquals(expected.label(first.index()), first.actual(), "the images the trainer held out, by its seed");

        context.useModel(bundled, "bundled");
        assertFalse(vm.onValidation().get(), "a model without validation images falls back to the test set");
        assertEquals(1000, vm.inspection().get().cells().report().count());
    }

    @Test
    void theCaptionNamesTheModelInspectedEvenWhenItsNameComesJustAfterIt() {
        vm.showing().set(true);
        TrainedModel epoch = changed();
        context.useModel(epoch, "784-128-10 from run 1, epoch 1");
        assertTrue(vm.caption().get().startsWith("784-128-10 from run 1, epoch 1: "), vm.caption().get());
        context.useModel(epoch, "784-128-10 from run 1"); // the run ends: same network, new name
        assertTrue(vm.caption().get().startsWith("784-128-10 from run 1: "), vm.caption().get());
    }

    @Test
    void aHiddenPanelWaitsForItsTurnInsteadOfInspectingEveryEpoch() {
        vm.showing().set(true);
        NetworkInspection shown = vm.inspection().get();
        vm.showing().set(false);
        context.useModel(changed(), "epoch 2");
        assertSame(shown, vm.inspection().get());
        vm.showing().set(true);
        assertNotSame(shown, vm.inspection().get());
    }

    @Test
    void drawItOnThePadSendsTheSelectedImagesInk() {
        vm.showing().set(true);
        Verdict chosen = vm.listed().get(2);
        vm.select(chosen);
        vm.drawSelectedOnPad();
        assertEquals(1, sentToPad.size());
        assertArrayEquals(TestData.mnist().test().intensities(chosen.index()), sentToPad.get(0));
    }

    @Test
    void theWeightsAndLayersOfTheModelComeWithTheMatrix() {
        vm.showing().set(true);
        NetworkInspection inspection = vm.inspection().get();
        assertEquals(512, inspection.weights().shown());
        assertEquals(3, inspection.layers().size(), "784-512-256-10: two hidden layers and the output");
        double dead = inspection.layers().get(0).deadFraction();
        assertTrue(dead >= 0 && dead < 0.5, "a trained ReLU layer has mostly live units, was " + dead);
    }

    /**
     * A different network: other answers, other confidences. (An unchanged clone would not even
     * count as a new model: DL4J networks are equal when their parameters are.)
     */
    private TrainedModel changed() {
        TrainedModel other = new TrainedModel(bundled.spec(), bundled.network().clone());
        other.network().params().muli(0.5);
        return other;
    }

    private int[] busiestMistakeCell() {
        int[] best = {0, 1};
        var cells = vm.inspection().get().cells();
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                if (a != p && cells.count(a, p) > cells.count(best[0], best[1])) best = new int[] {a, p};
            }
        }
        return best;
    }
}
