package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.WeightInitKind;

class DivergenceDetectorTest {

    @Test
    void nanLossIsDivergenceAtOnceWithTheBatchNamed() {
        String message = new DivergenceDetector().check(Double.NaN, 2, 17, 0.9);
        assertTrue(message.startsWith("The loss became NaN at epoch 2, batch 17"), message);
        assertTrue(message.contains("learning rate below 0.09"), message);
    }

    @Test
    void aSingleSpikeIsNotDivergenceButAStuckHighLossIs() {
        DivergenceDetector detector = new DivergenceDetector();
        assertNull(detector.check(15, 1, 1, 1));
        assertNull(detector.check(1.0, 1, 2, 1), "recovered");
        assertNull(detector.check(20, 1, 3, 1));
        assertNull(detector.check(20, 1, 4, 1));
        String message = detector.check(20, 1, 5, 1);
        assertTrue(message.startsWith("The loss exploded to 20.0 at epoch 1, batch 5"), message);
    }

    @Test
    void ordinaryLossesNeverTrigger() {
        DivergenceDetector detector = new DivergenceDetector();
        for (int i = 0; i < 100; i++) assertNull(detector.check(2.3 - i * 0.02, 1, i + 1, 0.05));
    }

    @Test
    void largeInitialWeightsOrAStrongL2AreNamedAsTheLikelyCauseInsteadOfTheLearningRate() {
        NetworkSpec d = NetworkSpec.defaults();
        NetworkSpec bigInit = d.toBuilder().weightInit(WeightInitKind.UNIFORM).initScale(1.5).build();
        String init = new DivergenceDetector(bigInit).check(Double.NaN, 1, 1, 0.05);
        assertTrue(init.contains("the initial weights are too large (init scale 1.5)"), init);
        assertFalse(init.contains("learning rate"), init);
        NetworkSpec strongL2 = d.toBuilder().l2(1).build();
        String l2 = new DivergenceDetector(strongL2).check(Double.NaN, 1, 1, 0.05);
        assertTrue(l2.contains("the L2 penalty is too strong (1)"), l2);
    }
}
