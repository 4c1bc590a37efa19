package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.Dl4jNetworks;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.runs.DataSource;
import org.mnistlab.runs.RunEnding;
import org.mnistlab.runs.RunStore;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.TrainingOutcome;
import org.mnistlab.ui.CurrentThreadTaskExecutor;
import org.mnistlab.ui.FileDialogs;
import org.mnistlab.ui.LabContext;
import org.mnistlab.ui.designer.DesignerViewModel;
import org.mnistlab.ui.training.FrameClock;
import org.mnistlab.ui.training.RunStarter;
import org.mnistlab.ui.training.TrainingViewModel;

/** The run list as a lab notebook, without a window: a real store in a temporary folder, tasks inline. */
class RunListViewModelTest {
    private static final DataSource DATA = new DataSource(null, 1000, 100, null);
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir Path dir;
    private final LabContext context = new LabContext(FileDialogs.SYSTEM);
    private final RunHistory history = new RunHistory();
    private final RunListViewModel vm = new RunListViewModel(history, context, new CurrentThreadTaskExecutor());

    private Path storeFile() {
        return dir.resolve(RunStore.FILE_NAME);
    }

    /** Past runs of earlier sessions: lr 0.1 (oldest), 0.01, 0.001 (newest), each with 3 points. */
    private void pastRuns() {
        try (RunStore store = RunStore.open(storeFile())) {
            double[] rates = {0.1, 0.01, 0.001};
            for (int i = 0; i < rates.length; i++) {
                NetworkSpec spec = NetworkSpec.defaults().toBuilder().learningRate(rates[i]).build();
                long id = store.startRun(spec, DATA, T0.plusSeconds(60L * i));
                store.append(id, new RunStore.Progress(List.of(new LossPoint(100, 2), new LossPoint(200, 1.5),
                        new LossPoint(300, 1)), List.of(new EvaluationPoint(1, 3, 300, 1.1, 0.7, true)), List.of(), 1, 300),
                        T0.plusSeconds(60L * i + 10));
                store.finish(id, RunEnding.FINISHED, "", T0.plusSeconds(60L * i + 20));
            }
        }
    }

    private List<String> shownNames() {
        return vm.shown().stream().map(run -> run.name().get()).toList();
    }

    @Test
    void pastRunsAreListedNewestFirstUntickedAndTheirPointsReadOnlyWhenTicked() {
        pastRuns();
        vm.open(storeFile());
        assertEquals(List.of("Run 3", "Run 2", "Run 1"), shownNames());
        RecordedRun newest = vm.shown().get(0);
        assertFalse(newest.visible().get(), "the charts show none until ticked");
        assertTrue(newest.trainLoss().isEmpty());
        assertTrue(newest.label().get().contains("lr 0.001") && newest.label().get().contains("70.00%"),
                newest.label().get());
        newest.visible().set(true);
        assertEquals(3, newest.trainLoss().size());
        assertEquals(1, newest.evaluations().size());
        assertTrue(vm.recording().get());
    }

    @Test
    void aStoredScheduledRunsRateCurveIsWorkedOutFromItsSettingsAndData() {
        NetworkSpec spec = NetworkSpec.builder().schedule(org.mnistlab.network.RateSchedule.step(1, 0.5)).build();
        try (RunStore store = RunStore.open(storeFile())) {
            long id = store.startRun(spec, DATA, T0); // 1,000 images in batches of 100: 10 steps an epoch
            List<LossPoint> losses = new java.util.ArrayList<>();
            for (int i = 1; i <= 25; i++) losses.add(new LossPoint(100L * i, 1.0));
            store.append(id, new RunStore.Progress(losses, List.of(), List.of(), 2, 2500), T0.plusSeconds(10));
            store.finish(id, RunEnding.STOPPED, "", T0.plusSeconds(20));
        }
        vm.open(storeFile());
        RecordedRun run = vm.shown().get(0);
        run.visible().set(true);
        assertEquals(List.of(new org.mnistlab.training.RatePoint(0, 0.05), new org.mnistlab.training.RatePoint(1000, 0.025),
                new org.mnistlab.training.RatePoint(2000, 0.0125)), run.learningRates());
    }

    @Test
    void copyAsCommandLineHandsOverTheTrainCommandAndSaysSo() {
        RecordedRun run = history.start(NetworkSpec.builder().learningRate(0.9).warmup(50).build());
        StringBuilder clipboard = new StringBuilder();
        vm.copyCommandLine(run, clipboard::append);
        assertTrue(clipboard.toString().startsWith("java -jar mnist-lab.jar train --layers 64,32 "), clipboard.toString());
        assertTrue(clipboard.toString().contains(" --lr 0.9 ") && clipboard.toString().contains(" --warmup-steps 50 "),
                clipboard.toString());
        assertTrue(context.notice().get().contains(clipboard), context.notice().get());
    }

    @Test
    void theFilterKeepsTheRunsWithEveryWordTyped() {
        pastRuns();
        vm.open(storeFile());
        vm.filter().set("LR 0.01 ");
        assertEquals(List.of("Run 2"), shownNames());
        vm.rename(vm.shown().get(0), "the middle one");
        vm.filter().set("middle");
        assertEquals(List.of("the middle one"), shownNames());
        vm.filter().set("");
        assertEquals(3, vm.shown().size());
    }

    @Test
    void aNameAndANoteAreKeptInTheStore() {
        pastRuns();
        vm.open(storeFile());
        RecordedRun run = vm.shown().get(1);
        vm.rename(run, "lr 0.01, steady");
        vm.setNote(run, "for Monday's lesson");
        assertTrue(run.label().get().startsWith("lr 0.01, steady: 784-64-32-10"), run.label().get());
        vm.closeStore();
        try (RunStore store = RunStore.open(storeFile())) {
            assertEquals("lr 0.01, steady", store.get(2).name());
            assertEquals("for Monday's lesson", store.get(2).note());
        }
    }

    @Test
    void aDeleteIsUndoneUntilTheWindowClosesThenItIsGone() {
        pastRuns();
        vm.open(storeFile());
        RecordedRun first = vm.shown().get(2);
        RecordedRun second = vm.shown().get(1);
        vm.delete(first);
        vm.delete(second);
        assertEquals(List.of("Run 3"), shownNames());
        assertTrue(vm.canUndo().get());
        vm.undoDelete();
        assertEquals(List.of("Run 3", "Run 2"), shownNames());
        vm.closeStore();
        try (RunStore store = RunStore.open(storeFile())) {
            assertEquals(List.of(3L, 2L), store.list().stream().map(r -> r.id()).toList());
        }
    }

    @Test
    void openModelMakesTheStoredNetworkThePadsModel() {
        NetworkSpec spec = NetworkSpec.defaults().toBuilder().hiddenLayers(List.of()).build();
        try (RunStore store = RunStore.open(storeFile())) {
            long id = store.startRun(spec, DATA, T0);
            store.saveModel(id, 1, RunStore.modelBytes(new TrainedModel(spec, Dl4jNetworks.create(spec)), 0.9));
            store.finish(id, RunEnding.FINISHED, "", T0);
        }
        vm.open(storeFile());
        vm.openModel(vm.shown().get(0));
        assertEquals(spec, context.model().get().spec());
        assertEquals("784-10 from run 1 (stored)", context.modelDescription().get());
    }

    @Test
    void selectingARunThatKeptItsNetworkMakesItTheModelWithANameThatSaysWhichItIs() {
        NetworkSpec spec = NetworkSpec.defaults().toBuilder().hiddenLayers(List.of()).build();
        try (RunStore store = RunStore.open(storeFile())) {
            long kept = store.startRun(spec, DATA, T0);
            store.saveModel(kept, 1, RunStore.modelBytes(new TrainedModel(spec, Dl4jNetworks.create(spec)), 0.9712));
            store.finish(kept, RunEnding.FINISHED, "", T0);
            long none = store.startRun(spec, DATA, T0.plusSeconds(60)); // stopped before its first epoch ended
            store.finish(none, RunEnding.STOPPED, "", T0.plusSeconds(70));
        }
        vm.open(storeFile());
        RecordedRun withNetwork = vm.shown().get(1);
        RecordedRun without = vm.shown().get(0);
        assertTrue(RunListViewModel.keptNetwork(withNetwork));
        assertFalse(RunListViewModel.keptNetwork(without));

        vm.select(without);
        assertNull(context.model().get(), "nothing to open");
        vm.select(withNetwork);
        assertEquals(spec, context.model().get().spec());
        assertEquals("784-10 from run 1 (stored)", context.modelDescription().get());
        assertEquals("run-1-784-10-97.1pct.zip", context.modelFileName().get());
    }

    @Test
    void useTheseSettingsPutsTheRunsSpecIntoTheDesigner() {
        pastRuns();
        vm.open(storeFile());
        DesignerViewModel designer = new DesignerViewModel();
        context.sendSettingsTo(designer::load);
        vm.useSettings(vm.shown().get(2)); // the oldest: lr 0.1
        assertEquals("0.1", designer.learningRate().get());
        assertEquals(vm.shown().get(2).spec(), designer.check().get().spec());
        assertTrue(context.notice().get().startsWith("The designer now holds the settings of Run 1"),
                context.notice().get());
    }

    @Test
    void exportedRunsImportIntoAnotherLabUnticked() throws Exception {
        pastRuns();
        vm.open(storeFile());
        Path lesson = dir.resolve("lesson.mnistlab-runs");
        vm.export(List.of(vm.shown().get(0), vm.shown().get(2)), lesson);
        assertEquals("Exported 2 runs to " + lesson, context.notice().get());

        Path student = Files.createDirectory(dir.resolve("student"));
        RunHistory theirs = new RunHistory();
        RunListViewModel other = new RunListViewModel(theirs, context, new CurrentThreadTaskExecutor());
        other.open(student.resolve(RunStore.FILE_NAME));
        other.importFrom(lesson);
        assertEquals(2, other.shown().size());
        assertTrue(other.shown().get(0).label().get().contains("lr 0.001"), other.shown().get(0).label().get());
        assertFalse(other.shown().get(0).visible().get());
        other.shown().get(0).visible().set(true);
        assertEquals(3, other.shown().get(0).trainLoss().size());
        other.closeStore();
    }

    @Test
    void aStoreThatCannotBeOpenedLeavesALabThatWorksAndSaysRunsAreNotSaved() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        vm.open(blocker.resolve(RunStore.FILE_NAME));
        assertTrue(context.notice().get().startsWith("runs are not being saved: "), context.notice().get());
        assertFalse(vm.recording().get());
        assertNull(vm.begin(NetworkSpec.defaults(), new MnistData(digits(10), digits(10))));
        RecordedRun session = history.start(NetworkSpec.defaults());
        assertEquals(List.of(session), vm.shown());
    }

    @Test
    void aRunTrainedInTheWindowIsRecordedUnderItsStoreNumber() {
        pastRuns();
        vm.open(storeFile());
        DesignerViewModel designer = new DesignerViewModel();
        context.data().set(new MnistData(digits(1000), digits(100)));
        designer.dataReady().set(true);
        designer.epochs().set("1");
        RunStarter scripted = (spec, data, extra, evaluateEvery, listener, control) -> {
            for (int batch = 1; batch <= 10; batch++) {
                listener.onBatch(new BatchProgress(1, batch, 10, batch * 100L, 1.0 / batch, 1000, spec.learningRate()));
            }
            EvaluationPoint end = new EvaluationPoint(1, 10, 1000, 0.4, 0.88, true);
            listener.onEvaluation(end);
            listener.onEpochEnd(new org.mnistlab.training.EpochSummary(1, 0.5, 0.4, 0.88, 1000));
            return new TrainingOutcome(TrainingOutcome.Status.COMPLETED, "", 1, 1000, end,
                    new TrainedModel(spec, Dl4jNetworks.create(spec)));
        };
        FrameClock noFrames = onFrame -> () -> { };
        TrainingViewModel training = new TrainingViewModel(context, designer, history, new CurrentThreadTaskExecutor(),
                scripted, noFrames, vm);
        training.train();

        RecordedRun run = vm.shown().get(0);
        assertEquals(4, run.storeId());
        assertEquals("Run 4", run.name().get());
        assertEquals(RunEnding.FINISHED, run.stored().get().ending());
        assertEquals(0.88, run.stored().get().finalTestAccuracy());
        vm.closeStore();
        try (RunStore store = RunStore.open(storeFile())) {
            assertEquals(10, store.points(4).trainLoss().size());
            assertEquals(1000, store.get(4).data().trainImages());
            assertTrue(store.get(4).hasModel(), "the run's network is kept with it");
        }
    }

    private static DigitSet digits(int count) {
        return new DigitSet(count, new byte[count * DigitSet.PIXELS], new byte[count]);
    }
}
