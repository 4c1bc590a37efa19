package org.mnistlab.ui.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.testing.TestData;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;

/**
 * The PyTorch notebook's table, on the full MNIST as the notebook trains it: 784-64-32-10 ReLU,
 * SGD, batch 100, 5 epochs, standardised inputs, PyTorch's init. The notebook printed 56 % at
 * 5e-4, 21 % at 0.9 and 97 % at 0.05 after its last epoch.
 */
class NotebookPresetsTest {

    private static TrainingOutcome train(NetworkSpec spec) {
        MnistData data = TestData.mnist();
        return new Trainer(spec, data.train(), data.test()).run(TrainingListener.NONE, new TrainingControl());
    }

    private static double finalAccuracy(TrainingOutcome outcome) {
        return outcome.lastEvaluation().testAccuracy();
    }

    @Test
    void theNotebookRateReachesNinetySixPercent() {
        TrainingOutcome outcome = train(Preset.pytorchNotebook(0.05));
        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status());
        assertTrue(finalAccuracy(outcome) >= 0.96, "the notebook printed 97 %; got " + finalAccuracy(outcome));
        assertEquals("", outcome.hint(), "a run that learns gets no hint");
    }

    @Test
    void theTooLowRateCrawls() {
        TrainingOutcome outcome = train(Preset.pytorchNotebook(0.0005));
        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status());
        double accuracy = finalAccuracy(outcome);
        assertTrue(accuracy >= 0.35 && accuracy <= 0.75, "the notebook printed 56 %; got " + accuracy);
        assertEquals("", outcome.hint(), "crawling is not thrashing: the loss keeps falling");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void theTooHighRateThrashesForEverySeedWithoutBeingStopped(long seed) {
        TrainingOutcome outcome = train(Preset.pytorchNotebook(0.9).toBuilder().seed(seed).build());
        assertEquals(TrainingOutcome.Status.COMPLETED, outcome.status(), outcome.message());
        assertTrue(finalAccuracy(outcome) < 0.70, "the notebook printed 21 %; got " + finalAccuracy(outcome));
        assertTrue(outcome.hint().contains("the loss stopped falling"), "hint: '" + outcome.hint() + "'");
    }

    @Test
    void theThreeNotebookPresetsUseTheNotebooksSettingsAndSayWhatItPrinted() {
        for (double rate : new double[] {0.05, 0.9, 0.0005}) {
            Preset preset = Preset.all().stream().filter(p -> p.spec().learningRate() == rate
                    && p.spec().architecture().equals("784-64-32-10")).findFirst().orElseThrow();
            assertEquals(Preset.pytorchNotebook(rate), preset.spec().toBuilder().validationImages(0).build(),
                    preset.name());
            assertTrue(preset.tooltip().contains("the notebook printed"), preset.tooltip());
        }
        assertFalse(Preset.all().stream().anyMatch(p -> p.name().contains("diverge")),
                "the 0.9 preset thrashes; it is named for that");
        assertEquals(5000, Preset.all().get(0).spec().validationImages(), "the notebook's 55,000 / 5,000 split");
    }
}
