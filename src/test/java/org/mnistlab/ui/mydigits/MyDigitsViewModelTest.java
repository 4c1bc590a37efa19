package org.mnistlab.ui.mydigits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.InkImage;
import org.mnistlab.mydigits.MyDigit;
import org.mnistlab.mydigits.MyDigitsStore;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.HeldTaskExecutor;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.pad.PadViewModel;

/** My digits without a window: keeping from the pad, scoring misread-first, correcting, deleting, training. */
class MyDigitsViewModelTest {
    private static final DigitSet TEST = TestData.mnist().test();
    private static TrainedModel bundled;
    @TempDir
    Path dir;
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);

    @BeforeAll
    static void loadModel() {
        bundled = ModelFile.loadBundledDefault().model();
    }

    private MyDigitsStore store() {
        return new MyDigitsStore(dir.resolve("my-digits"));
    }

    private MyDigitsViewModel viewModel() {
        MyDigitsViewModel vm = new MyDigitsViewModel(context, new CurrentThreadTaskExecutor(), store());
        vm.load();
        return vm;
    }

    /** Test image {@code i} enlarged to the pad's canvas, as if drawn there. */
    private static InkImage onCanvas(int i) {
        return InkImage.enlarged(TEST.intensities(i), DigitPreprocessor.SIDE, PadViewModel.CANVAS_SIDE);
    }

    @Test
    void keepingADrawingFromThePadSavesItWithItsStrokesAndListsIt() {
        MyDigitsViewModel vm = viewModel();
        PadViewModel pad = new PadViewModel(context, new CurrentThreadTaskExecutor(), vm);
        pad.startStroke(140, 40);
        pad.extendStroke(140, 240);

        pad.keepAs(1);

        assertEquals("Kept as a 1: 1 in My digits.", vm.lastAction().get());
        assertEquals(1, vm.items().size());
        assertEquals(1, vm.items().get(0).digit().label());
        List<MyDigit> onDisk = store().load().digits();
        assertEquals(1, onDisk.size());
        assertEquals(pad.strokes(), onDisk.get(0).strokes());
    }

    @Test
    void aBlankPadOrALabelOutsideZeroToNineIsRefusedWithAMessageAndNothingIsSaved() {
        MyDigitsViewModel vm = viewModel();
        PadViewModel pad = new PadViewModel(context, new CurrentThreadTaskExecutor(), vm);

        pad.keepAs(4);
        assertEquals("Not kept: the drawing is blank: draw a digit before keeping it.", vm.lastAction().get());

        pad.startStroke(140, 40);
        pad.extendStroke(140, 240);
        pad.keepAs(10);
        assertEquals("Not kept: label 10 is not a digit: a kept drawing is labelled 0 to 9.", vm.lastAction().get());
        pad.keepAs(-1);
        assertTrue(vm.lastAction().get().startsWith("Not kept: label -1"), vm.lastAction().get());

        assertEquals(0, vm.items().size());
        assertFalse(Files.exists(dir.resolve("my-digits")), "nothing written");
    }

    @Test
    void theModelsScoreListsTheMisreadDigitsFirstAndACorrectedLabelCountsAsRight() {
        context.useModel(bundled, "bundled");
        MyDigitsViewModel vm = viewModel();
        for (int i = 1; i <= 4; i++) vm.keep(TEST.label(i), onCanvas(i), List.of());
        int seven = TEST.label(0);
        vm.keep(3, onCanvas(0), List.of()); // a 7 kept by mistake as a 3

        assertEquals("The model reads 4 of 5 of your digits right (80 %); the misread one comes first.",
                vm.score().get());
        MyDigitsViewModel.Item first = vm.items().get(0);
        assertTrue(first.misread());
        assertEquals(3, first.digit().label());
        assertEquals(seven, first.verdict().predicted());
        assertTrue(vm.items().subList(1, 5).stream().noneMatch(MyDigitsViewModel.Item::misread));

        vm.relabel(first.digit(), seven);

        assertEquals("The model reads 5 of 5 of your digits right (100 %).", vm.score().get());
        assertEquals(seven, store().load().digits().get(4).label(), "the new label is on disk");
    }

    @Test
    void aDeletedDigitLeavesTheGridAndTheFolder() {
        MyDigitsViewModel vm = viewModel();
        vm.keep(7, onCanvas(0), List.of());
        vm.keep(2, onCanvas(1), List.of());

        vm.delete(vm.items().get(0).digit());

        assertEquals("Deleted a 7: 1 left.", vm.lastAction().get());
        assertEquals(List.of(2), vm.items().stream().map(i -> i.digit().label()).toList());
        assertEquals(List.of(2), store().load().digits().stream().map(MyDigit::label).toList());
    }

    @Test
    void theSetIsThereAgainInANewWindowAndADamagedFileIsNamedInANotice() throws IOException {
        MyDigitsViewModel first = viewModel();
        first.keep(7, onCanvas(0), List.of());
        first.keep(2, onCanvas(1), List.of());
        Files.write(dir.resolve("my-digits").resolve("digit_5_0003.png"), new byte[] {1, 2, 3, 4});

        MyDigitsViewModel again = viewModel();

        assertEquals(List.of(7, 2), again.items().stream().map(i -> i.digit().label()).toList());
        assertTrue(context.notice().get().startsWith("My digits: 1 file was skipped (digit_5_0003.png: "),
                context.notice().get());
    }

    @Test
    void noDigitsOrNoModelSaySoInsteadOfAScore() {
        MyDigitsViewModel vm = viewModel();
        assertTrue(vm.score().get().startsWith("No digits kept yet."), vm.score().get());
        vm.keep(7, onCanvas(0), List.of());
        assertEquals("No model yet: train one to see how it reads your digits.", vm.score().get());
        assertNull(vm.items().get(0).verdict());

        context.useModel(bundled, "bundled");
        assertTrue(vm.score().get().startsWith("The model reads 1 of 1"), vm.score().get());
    }

    @Test
    void trainWithMyDigitsHandsTheNextRunTheSetOversampledToATwentiethOfAnEpoch() {
        context.data().set(new MnistData(TEST.first(6000), TEST.first(100)));
        MyDigitsViewModel vm = viewModel();
        vm.keep(7, onCanvas(0), List.of());
        vm.keep(2, onCanvas(1), List.of());
        assertEquals(0, vm.trainingSet().get().count(), "not ticked: nothing added");

        vm.trainWithMine().set(true);

        DigitSet added = vm.trainingSet().get();
        assertEquals(300, added.count());
        assertEquals(7, added.label(0));
        assertEquals(2, added.label(299));
        assertEquals("The next runs show each of your digits 150 times an epoch: 300 of 6,300 training images.",
                vm.trainingNote().get());
        vm.keep(1, onCanvas(2), List.of());
        assertEquals(1, vm.trainingSet().get().label(2), "a digit kept later joins the next run too");
        assertEquals(300, vm.trainingSet().get().count());

        vm.trainWithMine().set(false);
        assertEquals(0, vm.trainingSet().get().count());
    }

    @Test
    void aClassmatesExportIsImportedIntoTheGridAndADamagedZipGetsANotice() throws IOException {
        MyDigitsViewModel mine = viewModel();
        mine.keep(7, onCanvas(0), List.of());
        mine.keep(2, onCanvas(1), List.of());
        Path zip = dir.resolve("pool.zip");
        mine.exportTo(zip);
        assertEquals("Exported 2 of my digits to " + zip, context.notice().get());

        MyDigitsViewModel theirs = new MyDigitsViewModel(context, new CurrentThreadTaskExecutor(),
                new MyDigitsStore(dir.resolve("classmate")));
        theirs.importFrom(zip);
        assertEquals("Imported 2 digits from pool.zip", context.notice().get());
        assertEquals(List.of(7, 2), theirs.items().stream().map(i -> i.digit().label()).toList());

        Path notZip = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        theirs.importFrom(notZip);
        assertTrue(context.notice().get().startsWith("Could not import notes.zip: " + notZip), context.notice().get());
        assertEquals(2, theirs.items().size(), "the set is as it was");
    }

    @Test
    void withoutAStoreTheDigitsAreKeptForThisWindowOnly() {
        HeldTaskExecutor held = new HeldTaskExecutor();
        MyDigitsViewModel vm = new MyDigitsViewModel(context, held, null);
        vm.keep(7, onCanvas(0), List.of());
        assertEquals(0, vm.items().size(), "kept in the background, not on the caller's thread");
        held.runAll();
        assertEquals(1, vm.items().size());
        assertEquals("0001", vm.items().get(0).digit().id());
        vm.exportTo(dir.resolve("out.zip"));
        assertEquals("This window keeps no set on disk to export.", vm.lastAction().get());
        assertFalse(Files.exists(dir.resolve("out.zip")));
    }
}
