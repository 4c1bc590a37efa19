package org.mnistlab.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistlab.storage.ModelFile;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

class RateScheduleTest {
    /** 10 steps an epoch, 3 epochs: 30 steps. */
    private static final int PER_EPOCH = 10;
    private static final int EPOCHS = 3;

    private static ISchedule schedule(String text, int warmup) {
        return RateSchedule.parse(text).dl4j(0.1, warmup, PER_EPOCH, EPOCHS);
    }

    private static double at(ISchedule schedule, int iteration) {
        return schedule.valueAt(iteration, iteration / PER_EPOCH);
    }

    @Test
    void aConstantRateWithoutWarmUpIsNoScheduleAtAll() {
        assertNull(schedule("constant", 0), "DL4J keeps a plain rate, as before schedules");
        ISchedule warm = schedule("constant", 4);
        assertEquals(0.025, at(warm, 0), 1e-12);
        assertEquals(0.1, at(warm, 3), 1e-12);
        assertEquals(0.1, at(warm, 29), 1e-12);
    }

    @Test
    void stepDecayCutsTheRateEveryKEpochs() {
        ISchedule s = schedule("step:2:0.5", 0);
        assertEquals(0.1, at(s, 0), 1e-12);
        assertEquals(0.1, at(s, 19), 1e-12, "epochs 1 and 2 at the rate");
        assertEquals(0.05, at(s, 20), 1e-12, "epoch 3 at half");
    }

    @Test
    void exponentialDecayMultipliesByTheFactorOverEachEpochStepByStep() {
        ISchedule s = schedule("exp:0.5", 0);
        assertEquals(0.1, at(s, 0), 1e-12);
        assertEquals(0.05, at(s, 10), 1e-9, "one epoch later, x 0.5");
        assertEquals(0.025, at(s, 20), 1e-9);
        assertEquals(0.1 * Math.pow(0.5, 0.5), at(s, 5), 1e-9, "half an epoch: x sqrt(0.5)");
        for (int i = 1; i < 30; i++) assertTrue(at(s, i) < at(s, i - 1), "falls at every step");
    }

    @Test
    void cosineFallsFromTheRateToTheFloorOverTheRun() {
        ISchedule s = schedule("cosine:0.01", 0);
        assertEquals(0.1, at(s, 0), 1e-12);
        assertEquals(0.055, at(s, 15), 1e-12, "half way: half way between rate and floor");
        assertEquals(0.01 + 0.09 * (1 + Math.cos(Math.PI * 29 / 30)) / 2, at(s, 29), 1e-12);
        assertEquals(0.01, s.valueAt(30, 3), 1e-12, "the floor at the end");
        assertEquals(0, at(schedule("cosine", 0), 30), 1e-12, "cosine alone ends at 0");
    }

    @Test
    void warmUpRisesLinearlyInFrontOfAnySchedule() {
        ISchedule s = schedule("cosine:0.01", 5);
        ISchedule plain = schedule("cosine:0.01", 0);
        for (int i = 0; i < 5; i++) assertEquals(at(plain, i) * (i + 1) / 5, at(s, i), 1e-12, "step " + i);
        for (int i = 5; i < 30; i++) assertEquals(at(plain, i), at(s, i), 1e-12, "step " + i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "step:2:0.5", "exp:0.9", "cosine", "cosine:0.001"})
    void theTextReadsBackAsTheSameSchedule(String text) {
        assertEquals(text, RateSchedule.parse(text).text());
        assertEquals(RateSchedule.parse(text), RateSchedule.parse(" " + text.toUpperCase() + " "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "step:2:1.5 | must shrink the rate",
            "step:2:1 | must shrink the rate",
            "step:2:0 | must shrink the rate",
            "step:2:-0.5 | must shrink the rate",
            "exp:1.1 | must shrink the rate",
            "exp:0 | must shrink the rate",
            "step:0:0.5 | outside 1-1000",
            "cosine:-1 | must be 0 or more",
            "step:2 | is not a schedule",
            "linear | is not a schedule",
            "exp:x | is not a schedule",
            "'' | is not a schedule"})
    void aBadScheduleIsRefusedNamingTheFieldAndWhatIsAllowed(String text, String problem) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> RateSchedule.parse(text));
        assertEquals("schedule", e.field());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aCosineFloorAtOrAboveTheRateIsRefused() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> NetworkSpec.builder()
                .learningRate(0.01).schedule(RateSchedule.cosine(0.01)).build());
        assertEquals("schedule", e.field());
        assertTrue(e.getMessage().contains("not below the learning rate"), e.getMessage());
    }

    @Test
    void aScheduleLivesInTheNetworksUpdaterAndInItsModelFile(@TempDir Path dir) {
        NetworkSpec spec = NetworkSpec.builder().optimizer(OptimizerKind.MOMENTUM)
                .schedule(RateSchedule.cosine(0.001)).warmup(50).build();
        MultiLayerNetwork network = Dl4jNetworks.create(spec, 1000); // 10 batches of 100 an epoch
        Path file = dir.resolve("m.zip");
        ModelFile.save(new TrainedModel(spec, network), 0.5, file);
        TrainedModel loaded = ModelFile.load(file);
        assertEquals(spec, loaded.spec());
        IUpdater before = updater(network);
        IUpdater after = updater(loaded.network());
        assertTrue(after.getClass() == SgdMomentum.class, "still the lab's momentum");
        for (int i = 0; i < 60; i += 7) {
            assertEquals(before.getLearningRate(i, i / 10), after.getLearningRate(i, i / 10), 0, "step " + i);
        }
        assertEquals(0.05 / 50, after.getLearningRate(0, 0), 1e-12, "the warm-up's first step");
    }

    private static IUpdater updater(MultiLayerNetwork network) {
        return ((BaseLayer) network.getLayerWiseConfigurations().getConf(0).getLayer()).getIUpdater();
    }
}
