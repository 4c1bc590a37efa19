package org.mnistlab.ui.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.LabContext;

/** The sample gallery without a window: the bundled default model on 500 test images. */
class GalleryViewModelTest {
    private static TrainedModel model;
    private static DigitSet test;
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final GalleryViewModel gallery = new GalleryViewModel(context, new CurrentThreadTaskExecutor());

    @BeforeAll
    static void loadModelAndData() {
        model = ModelFile.loadBundledDefault().model();
        test = TestData.mnist().test().first(500);
    }

    @Test
    void mistakesOnlyShowsOnlyTheWrongAnswersAndTheCaptionCountsTheImagesLoaded() {
        EvaluationReport report = Evaluator.evaluate(model, test);
        int mistakes = (int) Math.round((1 - report.accuracy()) * report.count());
        assertTrue(mistakes > 0 && mistakes < GalleryViewModel.SAMPLES_SHOWN, "the default model errs a few times");
        show();

        assertEquals(GalleryViewModel.SAMPLES_SHOWN, gallery.items().size());
        assertEquals(String.format(Locale.ROOT, "the bundled default model: %.2f%% of 500 test images right, %d mistakes",
                100 * report.accuracy(), mistakes), gallery.caption().get());
        assertTrue(gallery.items().stream().anyMatch(GalleryItem::correct), "a plain sample is mostly right");

        gallery.mistakesOnly().set(true);
        assertEquals(mistakes, gallery.items().size(), "every mistake, since there are fewer than a page");
        assertTrue(gallery.items().stream().noneMatch(GalleryItem::correct));
        for (GalleryItem item : gallery.items()) {
            assertEquals(report.predictions()[item.index()], item.predicted());
            assertEquals(test.label(item.index()), item.actual());
            assertEquals(item.predicted() + " ✗ (is " + item.actual() + ")", item.tileLabel());
            assertTrue(item.description().endsWith("predicted " + item.predicted() + " (wrong)"), item.description());
        }
        assertEquals(gallery.items().get(0), gallery.selected().get(), "the first one is shown in detail");
    }

    @Test
    void aHiddenGalleryWaitsUntilItIsShown() {
        context.data().set(new MnistData(test, test));
        context.useModel(model, "the bundled default model");
        assertTrue(gallery.items().isEmpty(), "hidden: nothing evaluated");
        assertEquals("Waiting for data and a model…", gallery.caption().get());
        gallery.showing().set(true);
        assertEquals(GalleryViewModel.SAMPLES_SHOWN, gallery.items().size());
    }

    @Test
    void newSamplesDrawsAnotherSample() {
        show();
        var before = gallery.items().stream().map(GalleryItem::index).toList();
        gallery.newSamples();
        var after = gallery.items().stream().map(GalleryItem::index).toList();
        assertEquals(GalleryViewModel.SAMPLES_SHOWN, after.size());
        assertFalse(before.equals(after));
    }

    private void show() {
        context.data().set(new MnistData(test, test));
        context.useModel(model, "the bundled default model");
        gallery.showing().set(true);
    }
}
