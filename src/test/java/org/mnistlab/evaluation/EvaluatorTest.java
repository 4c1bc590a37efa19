package org.mnistlab.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;

/** The confusion matrix reads as the CLI prints it: one row per true digit, one column per answer. */
class EvaluatorTest {

    @Test
    void rowsAreTrueDigitsAndColumnsAreAnswers() {
        DigitSet test = TestData.mnist().test().first(1000);
        TrainedModel model = ModelFile.loadBundledDefault().model();
        EvaluationReport report = Evaluator.evaluate(model, test);

        int[][] expected = new int[DigitSet.CLASSES][DigitSet.CLASSES];
        for (int i = 0; i < test.count(); i++) {
            expected[test.labels()[i]][report.predictions()[i]]++;
        }
        for (int digit = 0; digit < DigitSet.CLASSES; digit++) {
            assertEquals(java.util.Arrays.toString(expected[digit]), java.util.Arrays.toString(report.confusion()[digit]),
                    "row " + digit);
            int[] row = expected[digit];
            int total = java.util.Arrays.stream(row).sum();
            assertEquals((double) row[digit] / total, report.perClassAccuracy()[digit], 1e-12,
                    "digit " + digit + ": the share of its images read right");
            int answered = 0;
            for (int[] r : expected) answered += r[digit];
            assertEquals((double) row[digit] / answered, report.perClassPrecision()[digit], 1e-12,
                    "digit " + digit + ": the share of its answers that were right");
        }
    }

    @Test
    void eachImageKeepsItsProbabilitiesAndLabel() {
        DigitSet test = TestData.mnist().test().first(300);
        TrainedModel model = ModelFile.loadBundledDefault().model();
        EvaluationReport report = Evaluator.evaluate(model, test);
        for (int i = 0; i < test.count(); i += 37) {
            float[] p = report.probabilities()[i];
            assertEquals(report.predictions()[i], TrainedModel.argMax(p));
            org.junit.jupiter.api.Assertions.assertArrayEquals(model.probabilities(test.intensities(i)), p, 1e-5f);
            assertEquals(test.label(i), report.labels()[i]);
        }
    }
}
