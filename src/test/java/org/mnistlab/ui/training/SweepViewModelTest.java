package org.mnistlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingOutcome;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.HeldTaskExecutor;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.charts.RunHistory;
import org.mnistlab.ui.designer.DesignerViewModel;

/** "Compare learning rates" without a window: scripted runs on a training thread the test steps. */
class SweepViewModelTest {
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final DesignerViewModel designer = new DesignerViewModel();
    private final RunHistory history = new RunHistory();
    private final HeldTaskExecutor thread = new HeldTaskExecutor();
    private final List<NetworkSpec> trained = new ArrayList<>();
    private final List<TrainingControl> controls = new ArrayList<>();
    private SweepViewModel vm;

    @BeforeEach
    void setUp() {
        context.data().set(new MnistData(digits(1000), digits(100)));
        designer.dataReady().set(true);
        designer.validationImages().set("100");
        // Each scripted run measures one epoch: test accuracy 0.9, validation accuracy 0.8 + the rate / 10.
        RunStarter scripted = (spec, data, extra, evaluateEvery, listener, control) -> {
            trained.add(spec);
            controls.add(control);
            EvaluationPoint end = new EvaluationPoint(1, 9, 900, 0.3, 0.9, true, 0.3,
                    0.8 + spec.learningRate() / 10, 0.9);
            listener.onEvaluation(end);
            return new TrainingOutcome(control.isCancelled() ? TrainingOutcome.Status.CANCELLED
                    : TrainingOutcome.Status.COMPLETED, "", 1, 0, end, new TrainedModel(spec, null));
        };
        TrainingViewModel training = new TrainingViewModel(context, designer, history, thread, scripted,
                onFrame -> () -> { });
        vm = new SweepViewModel(designer, training);
    }

    @Test
    void oneRunPerRateIsQueuedOneAfterAnotherWithTheOtherSettingsUnchanged() {
        vm.rates().set("0.5,0.05,0.005");
        vm.start();
        assertEquals(1, thread.waiting(), "one run at a time");
        assertTrue(vm.running().get());
        assertEquals("Run 1 of 3: learning rate 0.5", vm.progress().get());
        thread.runNext();
        assertEquals(1, thread.waiting(), "the second starts when the first has ended");
        thread.runNext();
        thread.runNext();
        assertEquals(0, thread.waiting());
        assertEquals(List.of(0.5, 0.05, 0.005), trained.stream().map(NetworkSpec::learningRate).toList());
        NetworkSpec base = designer.check().get().spec();
        for (NetworkSpec spec : trained) assertEquals(base, spec.toBuilder().learningRate(base.learningRate()).build());
        assertFalse(vm.running().get());
        assertEquals("Done: 3 runs, one per rate.", vm.progress().get());
        assertEquals(List.of(0.5, 0.05, 0.005), vm.results().stream().map(SweepViewModel.Result::rate).toList());
        assertEquals(0.9, vm.results().get(1).finalTestAccuracy(), 1e-12);
        assertEquals(0.805, vm.results().get(1).bestValidationAccuracy(), 1e-12);
        assertEquals(3, history.runs().size(), "each run is on the learning curves too");
    }

    @Test
    void logSpacedRatesBetweenTwoBoundsAreSweptToo() {
        vm.rates().set("0.001:1:4");
        vm.start();
        thread.runAll();
        assertEquals(List.of(0.001, 0.01, 0.1, 1.0), trained.stream().map(NetworkSpec::learningRate).toList());
    }

    @Test
    void cancelEmptiesTheQueueAndStopsTheRunUnderWayKeepingTheRunsSoFar() {
        vm.rates().set("0.5,0.05,0.005");
        vm.start();
        thread.runNext();
        vm.cancel();
        assertFalse(vm.running().get());
        thread.runAll();
        assertEquals(2, trained.size(), "the third was never started");
        assertTrue(controls.get(1).isCancelled(), "the second was told to stop");
        assertEquals("Cancelled: 1 run not started.", vm.progress().get());
        assertEquals(2, vm.results().size());
    }

    @Test
    void fewerThanTwoOrMoreThanTwentyRatesAreRefusedSayingWhy() {
        vm.rates().set("0.5");
        vm.start();
        assertEquals("sweep: 1 rate; a sweep compares 2 to 20", vm.problem().get());
        vm.rates().set("0.0001:1:21");
        vm.start();
        assertEquals("sweep: 21 rates; a sweep compares 2 to 20", vm.problem().get());
        vm.rates().set("0.5,fast");
        vm.start();
        assertTrue(vm.problem().get().startsWith("sweep: '0.5,fast' is not a list"), vm.problem().get());
        assertEquals(0, thread.waiting());
        assertFalse(vm.running().get());
    }

    private static DigitSet digits(int count) {
        return new DigitSet(count, new byte[count * DigitSet.PIXELS], new byte[count]);
    }
}
