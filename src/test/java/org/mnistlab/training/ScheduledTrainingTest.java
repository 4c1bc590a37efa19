package org.mnistlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mnistlab.data.DigitSet;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.InvalidSpecException;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.RateSchedule;
import org.mnistlab.testing.TestData;

/** A learning-rate schedule steers both engines step by step, and each batch reports the rate it trained at. */
class ScheduledTrainingTest {
    private static DigitSet train;
    private static DigitSet test;
    /** 500 images in batches of 50: 10 steps an epoch, 30 in the run. */
    private static final NetworkSpec SMALL = NetworkSpec.builder()
            .hiddenLayers(List.of(new HiddenLayer(32, ActivationKind.RELU)))
            .optimizer(OptimizerKind.MOMENTUM).learningRate(0.1).epochs(3).batchSize(50).build();

    @BeforeAll
    static void data() {
        train = TestData.mnist().train().first(500);
        test = TestData.mnist().test().first(100);
    }

    /** Each schedule with the rate step i (0-based, 10 an epoch) should train at, written out by hand. */
    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of("step:1:0.5", 0, (IntToDoubleFunction) i -> 0.1 * Math.pow(0.5, i / 10)),
                Arguments.of("exp:0.5", 0, (IntToDoubleFunction) i -> 0.1 * Math.pow(0.5, i / 10.0)),
                Arguments.of("cosine:0.01", 0,
                        (IntToDoubleFunction) i -> 0.01 + 0.09 * (1 + Math.cos(Math.PI * i / 30)) / 2),
                Arguments.of("constant", 8, (IntToDoubleFunction) i -> 0.1 * Math.min(1, (i + 1) / 8.0)),
                Arguments.of("step:2:0.1", 5,
                        (IntToDoubleFunction) i -> 0.1 * Math.pow(0.1, i / 20) * Math.min(1, (i + 1) / 5.0)));
    }

    @ParameterizedTest(name = "{0}, warm-up {1}")
    @MethodSource("schedules")
    void bothEnginesTrainEachStepAtTheScheduledRateAndReportIt(String text, int warmup, IntToDoubleFunction expected) {
        NetworkSpec spec = SMALL.toBuilder().schedule(RateSchedule.parse(text)).warmup(warmup).build();
        TrainerTest.Recorder fast = run(spec, Trainer.Engine.AUTO);
        TrainerTest.Recorder dl4j = run(spec, Trainer.Engine.DL4J);
        assertEquals(30, fast.batches.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(expected.applyAsDouble(i), fast.batches.get(i).learningRate(), 1e-9, "fast path, step " + i);
            assertEquals(expected.applyAsDouble(i), dl4j.batches.get(i).learningRate(), 1e-9, "DL4J fit, step " + i);
            assertEquals(dl4j.batches.get(i).loss(), fast.batches.get(i).loss(), 2e-3, "loss at step " + i);
        }
        TrainerTest.Recorder constant = run(SMALL, Trainer.Engine.AUTO);
        assertTrue(Math.abs(constant.batches.get(29).loss() - fast.batches.get(29).loss()) > 1e-3,
                "the schedule changes the training, not just the report");
    }

    @Test
    void aChangeByHandReplacesTheSchedule() {
        NetworkSpec spec = SMALL.toBuilder().schedule(RateSchedule.cosine(0)).build();
        TrainingControl control = new TrainingControl();
        TrainerTest.Recorder events = new TrainerTest.Recorder(p -> {
            if (p.epoch() == 1 && p.batch() == 5) control.requestLearningRate(0.02);
        });
        new Trainer(spec, train, test).run(events, control);
        assertTrue(events.batches.get(4).learningRate() < 0.1, "the cosine had started to fall");
        for (int i = 5; i < 30; i++) assertEquals(0.02, events.batches.get(i).learningRate(), 0, "step " + i);
        assertEquals(List.of(0.02), events.rateChanges);
    }

    @Test
    void aWarmUpThatDoesNotEndBeforeTheRunIsRefusedNamingIt() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new Trainer(SMALL.toBuilder().warmup(30).build(), train, test));
        assertEquals("warmup", e.field());
        assertTrue(e.getMessage().contains("30 steps is not shorter than the run's 30 (3 epochs of 10 batches)"),
                e.getMessage());
        new Trainer(SMALL.toBuilder().warmup(29).build(), train, test); // one step at the full rate is enough
    }

    private static TrainerTest.Recorder run(NetworkSpec spec, Trainer.Engine engine) {
        TrainerTest.Recorder events = new TrainerTest.Recorder();
        new Trainer(spec, train, test).withEngine(engine).run(events, new TrainingControl());
        return events;
    }
}
