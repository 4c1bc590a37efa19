package org.mnistlab.inspection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.testing.TestData;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Inspection on the bundled 784-512-256-10 model and on small untrained networks. */
class InspectionTest {
    private static TrainedModel bundled;
    private static DigitSet test;
    private static ConfusionCells cells;

    @BeforeAll
    static void evaluateTheBundledModel() {
        bundled = ModelFile.loadBundledDefault().model();
        test = TestData.mnist().test().first(2000);
        cells = new ConfusionCells(Evaluator.evaluate(bundled, test));
    }

    private static TrainedModel untrained(HiddenLayer... layers) {
        NetworkSpec spec = NetworkSpec.builder().hiddenLayers(List.of(layers)).build();
        return new TrainedModel(spec, Dl4jNetworks.create(spec));
    }

    @Test
    void everyImageSitsInTheCellOfItsTrueDigitAndAnswer() {
        int total = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                List<Verdict> cell = cells.cell(a, p);
                assertEquals(cells.count(a, p), cell.size(), a + "→" + p);
                for (Verdict v : cell) {
                    assertEquals(test.label(v.index()), v.actual());
                    assertEquals(p, v.predicted());
                }
                total += cell.size();
            }
        }
        assertEquals(test.count(), total);
    }

    @Test
    void aMistakeCellListsTheSurestMistakeFirstAndTheDiagonalTheShakiestRightAnswer() {
        int[] busiest = busiestMistakeCell();
        List<Verdict> mistakes = cells.cell(busiest[0], busiest[1]);
        assertTrue(mistakes.size() >= 2, "the bundled model makes some mistakes on 2,000 images");
        for (int i = 1; i < mistakes.size(); i++) {
            assertTrue(mistakes.get(i - 1).confidence() >= mistakes.get(i).confidence(), mistakes.toString());
        }
        List<Verdict> right = cells.cell(4, 4);
        for (int i = 1; i < right.size(); i++) {
            assertTrue(right.get(i - 1).confidence() <= right.get(i).confidence());
        }
    }

    @Test
    void theOneClickListsAreAllWrongOrAllRightInConfidenceOrder() {
        List<Verdict> wrong = cells.mostConfidentMistakes(20);
        List<Verdict> shaky = cells.leastConfidentCorrect(20);
        assertEquals(20, wrong.size());
        assertEquals(20, shaky.size());
        assertTrue(wrong.stream().noneMatch(Verdict::correct));
        assertTrue(shaky.stream().allMatch(Verdict::correct));
        for (int i = 1; i < 20; i++) {
            assertTrue(wrong.get(i - 1).confidence() >= wrong.get(i).confidence());
            assertTrue(shaky.get(i - 1).confidence() <= shaky.get(i).confidence());
        }
        // The surest mistake overall is at least as sure as the first of any single cell.
        int[] busiest = busiestMistakeCell();
        assertTrue(wrong.get(0).confidence() >= cells.cell(busiest[0], busiest[1]).get(0).confidence());
    }

    @Test
    void topThreeAreTheThreeLargestProbabilitiesInOrder() {
        Verdict v = cells.mostConfidentMistakes(1).get(0);
        int[] top = v.top(3);
        assertEquals(v.predicted(), top[0]);
        float[] p = v.probabilities();
        assertTrue(p[top[0]] >= p[top[1]] && p[top[1]] >= p[top[2]]);
        for (int d = 0; d < 10; d++) {
            if (d != top[0] && d != top[1] && d != top[2]) assertTrue(p[d] <= p[top[2]]);
        }
    }

    @Test
    void rowSharesOfEachTrueDigitAddUpToOne() {
        for (int a = 0; a < 10; a++) {
            double sum = 0;
            for (int p = 0; p < 10; p++) sum += cells.rowShare(a, p);
            assertEquals(1.0, sum, 1e-9, "row " + a);
        }
    }

    @Test
    void eachWeightPictureIsItsUnitsColumnOfTheFirstLayer() {
        WeightGrid grid = WeightGrid.of(bundled, WeightGrid.MAX_UNITS);
        INDArray w = bundled.network().getLayer(0).getParam("W");
        assertEquals(512, grid.totalUnits());
        assertEquals(512, grid.shown());
        assertFalse(grid.outputTemplates());
        UnitWeights unit = grid.units().get(37);
        double sum = 0;
        for (int i = 0; i < 784; i++) {
            assertEquals(w.getFloat(i, 37), unit.weights()[i], 0f, "pixel " + i);
            sum += unit.weights()[i] * unit.weights()[i];
        }
        assertEquals(Math.sqrt(sum), unit.norm(), 1e-6);
        assertEquals("First hidden layer: 512 units", grid.caption());
    }

    @Test
    void aLayerWiderThanTheGridShowsItsFirstUnitsAndSaysHowMany() {
        WeightGrid grid = WeightGrid.of(bundled, 50);
        assertEquals(50, grid.shown());
        assertEquals(49, grid.units().get(49).unit());
        assertEquals("First hidden layer: 50 of 512 shown", grid.caption());
    }

    @Test
    void aNetworkWithoutHiddenLayersShowsItsTenOutputTemplates() {
        WeightGrid grid = WeightGrid.of(untrained(), WeightGrid.MAX_UNITS);
        assertTrue(grid.outputTemplates());
        assertEquals(10, grid.shown());
        assertTrue(grid.caption().startsWith("No hidden layer: the 10 output units' templates"), grid.caption());
    }

    @Test
    void unitsWhoseInputIsAlwaysNegativeAreCountedDead() {
        TrainedModel model = untrained(new HiddenLayer(20, ActivationKind.RELU), new HiddenLayer(10, ActivationKind.TANH));
        INDArray bias = model.network().getLayer(0).getParam("b");
        for (int u = 0; u < 5; u++) bias.putScalar(u, -1e4); // no image can lift these above 0
        List<LayerSummary> layers = LayerSummary.of(model, test);
        assertEquals(3, layers.size());
        assertEquals("Hidden layer 1", layers.get(0).name());
        assertEquals(784, layers.get(0).inputs());
        assertEquals(5 / 20.0, layers.get(0).deadFraction(), 1e-12, "the 5 pushed units, and no other");
        assertTrue(Double.isNaN(layers.get(1).deadFraction()), "tanh units are never dead in this sense");
        assertEquals("Output layer", layers.get(2).name());
        assertEquals(784 * 20, layers.get(0).weights().total());
        assertEquals(10 * 10, layers.get(2).weights().total());
    }

    @Test
    void histogramPutsTheLargestValueInTheLastBin() {
        Histogram h = Histogram.of(new float[] {-1, 0, 0.5f, 1, Float.NaN}, 4);
        assertArrayEquals(new int[] {1, 0, 1, 2}, h.counts());
        assertEquals(-1, h.min());
        assertEquals(1, h.max());
        assertEquals(4, h.total());
    }

    @Test
    void aWideLayerIsSampledEvenlyIntoTheStripAndANarrowOneShownWhole() {
        TrainedModel model = untrained(new HiddenLayer(200, ActivationKind.RELU), new HiddenLayer(32, ActivationKind.RELU));
        float[][] outputs = model.layerOutputs(test.intensities(0));
        assertEquals(4, outputs.length, "input, two hidden layers, output");
        assertArrayEquals(model.probabilities(test.intensities(0)), outputs[3], 1e-6f);
        List<ActivationStrip> strips = ActivationStrip.of(outputs);
        assertEquals(2, strips.size());
        ActivationStrip wide = strips.get(0);
        assertEquals(ActivationStrip.MAX_CELLS, wide.units().length);
        assertTrue(wide.sampled());
        assertEquals(0, wide.units()[0]);
        assertTrue(wide.units()[63] >= 190, "the last cell comes from the end of the layer");
        for (int c = 0; c < 64; c++) assertEquals(outputs[1][wide.units()[c]], wide.values()[c]);
        ActivationStrip narrow = strips.get(1);
        assertEquals(32, narrow.units().length);
        assertFalse(narrow.sampled());
        int strongest = narrow.strongestCell();
        for (float v : narrow.values()) assertTrue(v <= narrow.values()[strongest]);
    }

    @Test
    void divergingScaleIsWhiteAtZeroRedAbovePlusBlueBelow() {
        assertEquals(0xFFFFFFFF, DivergingScale.argb(0, 1));
        int red = DivergingScale.argb(2, 1);
        int blue = DivergingScale.argb(-1, 1);
        assertTrue((red >> 16 & 0xFF) > (red & 0xFF), "positive is red");
        assertTrue((blue & 0xFF) > (blue >> 16 & 0xFF), "negative is blue");
        assertEquals(0xFFFFFFFF, DivergingScale.argb(0.5, 0), "nothing to scale: all white");
    }

    private static int[] busiestMistakeCell() {
        int[] best = {0, 1};
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                if (a != p && cells.count(a, p) > cells.count(best[0], best[1])) best = new int[] {a, p};
            }
        }
        return best;
    }
}
