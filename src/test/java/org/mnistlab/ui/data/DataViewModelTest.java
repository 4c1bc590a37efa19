package org.mnistlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.testing.TestData;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.HeldTaskExecutor;
import org.mnistlab.ui.LabContext;

/** Choosing the data without a window: a folder that cannot be used leaves the data in use. */
class DataViewModelTest {
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final MnistData bundled = new MnistData(digits(30), digits(10));

    @Test
    void aFolderThatCannotBeReadKeepsTheCurrentData(@TempDir Path dir) throws Exception {
        context.data().set(bundled);
        DataViewModel vm = new DataViewModel(context, () -> bundled, new CurrentThreadTaskExecutor());
        Path broken = Files.createDirectory(dir.resolve("broken"));
        TestData.tinyMnistFolder(broken, 20, 5);
        Files.write(broken.resolve("train-images-idx3-ubyte"), TestData.idxImages(2051, 200, 28, 28, 5000));

        vm.useFolder(broken);

        assertSame(bundled, context.data().get());
        assertTrue(context.notice().get().startsWith("Could not use " + broken + "; still training on bundled MNIST: "),
                context.notice().get());
        assertTrue(context.notice().get().contains("train-images-idx3-ubyte"), "the notice names the file");
        assertEquals("bundled MNIST: 30 training and 10 test images", vm.description().get());
        assertTrue(vm.usingBundled().get());
        assertFalse(vm.loading().get());
    }

    @Test
    void aGoodFolderReplacesTheDataAndBundledGoesBack(@TempDir Path dir) throws Exception {
        context.data().set(bundled);
        DataViewModel vm = new DataViewModel(context, () -> bundled, new CurrentThreadTaskExecutor());
        Path folder = TestData.tinyMnistFolder(dir, 20, 5);

        vm.useFolder(folder);
        assertEquals(folder + ": 20 training and 5 test images", vm.description().get());
        assertFalse(vm.usingBundled().get());

        vm.useBundled();
        assertSame(bundled, context.data().get());
        assertTrue(vm.usingBundled().get());
    }

    @Test
    void whileAFolderIsReadTheDescriptionSaysSoAndASecondChoiceWaits(@TempDir Path dir) throws Exception {
        context.data().set(bundled);
        HeldTaskExecutor executor = new HeldTaskExecutor();
        DataViewModel vm = new DataViewModel(context, () -> bundled, executor);
        Path folder = TestData.tinyMnistFolder(dir, 20, 5);

        vm.useFolder(folder);
        assertTrue(vm.loading().get());
        assertTrue(vm.description().get().startsWith("Reading "), vm.description().get());
        vm.useBundled();
        assertEquals(1, executor.waiting(), "one read at a time");
        executor.runAll();
        assertEquals(20, context.data().get().train().count());
    }

    private static DigitSet digits(int count) {
        return new DigitSet(count, new byte[count * DigitSet.PIXELS], new byte[count]);
    }
}
