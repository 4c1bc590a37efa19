package org.mnistlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.RateFinding;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.HeldTaskExecutor;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.designer.DesignerViewModel;

/** "Find a learning rate" without a window: a scripted test stands in for the range test. */
class RateFinderViewModelTest {
    private static final RateFinding FOUND = new RateFinding(List.of(new RateFinding.Point(1e-6, 2.3, 2.3)),
            0.1234, 0.0345, "because");
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final DesignerViewModel designer = new DesignerViewModel();
    private final HeldTaskExecutor thread = new HeldTaskExecutor();
    private final SimpleBooleanProperty training = new SimpleBooleanProperty();
    private final List<NetworkSpec> tested = new ArrayList<>();
    private final List<TrainingControl> controls = new ArrayList<>();
    private RateFinderViewModel vm;

    @BeforeEach
    void setUp() {
        context.data().set(new MnistData(new DigitSet(1000, new byte[1000 * DigitSet.PIXELS], new byte[1000]),
                new DigitSet(10, new byte[10 * DigitSet.PIXELS], new byte[10])));
        designer.dataReady().set(true);
        vm = new RateFinderViewModel(context, designer, thread, (spec, data, control) -> {
            tested.add(spec);
            controls.add(control);
            return FOUND;
        }, training);
    }

    @Test
    void theTestRunsTheDesignersNetworkOnTheTrainingThreadAndShowsWhatItFound() {
        designer.learningRate().set("0.5");
        vm.find();
        assertTrue(vm.running().get());
        assertFalse(vm.canFind().get(), "one test at a time");
        assertNull(vm.finding().get());
        thread.runNext();
        assertEquals(0.5, tested.get(0).learningRate(), "the designer's settings, as they were when clicked");
        assertFalse(vm.running().get());
        assertSame(FOUND, vm.finding().get());
        assertEquals("0.5", designer.learningRate().get(), "finding a rate changes nothing by itself");
    }

    @Test
    void useThisRatePutsTheSuggestionIntoTheDesignerRoundedToTwoDigits() {
        vm.find();
        thread.runNext();
        vm.use(vm.finding().get().steepest());
        assertEquals("0.12", designer.learningRate().get());
        assertTrue(designer.check().get().isValid());
        vm.use(vm.finding().get().minimumTenth());
        assertEquals("0.035", designer.learningRate().get());
    }

    @Test
    void noTestWhileARunTrainsOrTheSettingsAreInvalid() {
        training.set(true);
        assertFalse(vm.canFind().get());
        vm.find();
        assertEquals(0, thread.waiting());
        training.set(false);
        designer.batchSize().set("zero");
        assertFalse(vm.canFind().get());
        designer.batchSize().set("100");
        assertTrue(vm.canFind().get());
    }

    @Test
    void cancelStopsTheTestBetweenTwoBatches() {
        vm.find();
        vm.cancel(); // while the test is under way on the training thread
        thread.runNext();
        assertTrue(controls.get(0).isCancelled(), "the test's own control was cancelled");
    }
}
