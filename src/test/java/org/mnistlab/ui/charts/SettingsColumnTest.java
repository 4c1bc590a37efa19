package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.network.RateSchedule;

class SettingsColumnTest {
    private static final NetworkSpec BASE = NetworkSpec.defaults();

    @Test
    void aSweepOfLearningRatesDiffersInTheLearningRateAlone() {
        List<NetworkSpec> sweep = List.of(BASE.toBuilder().learningRate(0.5).build(),
                BASE.toBuilder().learningRate(0.05).build(), BASE.toBuilder().learningRate(0.005).build());
        assertEquals(Set.of(SettingsColumn.LEARNING_RATE), SettingsColumn.differing(sweep));
    }

    @Test
    void eachHighlightedColumnIsTheOneSettingThatChanged() {
        assertEquals(Set.of(SettingsColumn.OPTIMIZER, SettingsColumn.SCHEDULE, SettingsColumn.VALIDATION),
                SettingsColumn.differing(List.of(BASE, BASE.toBuilder().optimizer(OptimizerKind.ADAM)
                        .schedule(RateSchedule.cosine(0)).validationImages(5000).build())));
        assertEquals(Set.of(SettingsColumn.SCHEDULE),
                SettingsColumn.differing(List.of(BASE, BASE.toBuilder().warmup(200).build())), "warm-up is part of it");
        assertEquals(Set.of(SettingsColumn.LAYERS, SettingsColumn.BATCH), SettingsColumn.differing(List.of(BASE,
                BASE.toBuilder().hiddenLayers(List.of()).batchSize(20).build())));
    }

    @Test
    void oneRunOrIdenticalRunsHighlightNothing() {
        assertEquals(Set.of(), SettingsColumn.differing(List.of(BASE)));
        assertEquals(Set.of(), SettingsColumn.differing(List.of(BASE, NetworkSpec.defaults())));
        assertEquals(Set.of(), SettingsColumn.differing(List.of()));
    }

    @Test
    void cellsReadAsAStudentWouldWriteThem() {
        NetworkSpec spec = BASE.toBuilder().schedule(RateSchedule.step(2, 0.5)).warmup(500).validationImages(5000)
                .patience(3).build();
        assertEquals("0.05", SettingsColumn.LEARNING_RATE.valueOf(spec));
        assertEquals("784-64-32-10 ReLU", SettingsColumn.LAYERS.valueOf(spec));
        assertEquals("step:2:0.5, warm-up 500", SettingsColumn.SCHEDULE.valueOf(spec));
        assertEquals("5,000, patience 3", SettingsColumn.VALIDATION.valueOf(spec));
    }
}
