package org.mnistlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;
import org.mnistlab.training.RateChange;

class RunHistoryTest {

    @Test
    void csvHoldsEveryRawPointOfEveryRun(@TempDir Path dir) throws Exception {
        RunHistory history = new RunHistory();
        RecordedRun a = history.start(NetworkSpec.defaults(), 60_000);
        RecordedRun b = history.start(NetworkSpec.builder().learningRate(0.5).dropout(0.2).seed(7).l2(1e-4).build(),
                60_000);
        List<LossPoint> losses = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) losses.add(new LossPoint(i * 100, 2.3 / i));
        a.append(losses, List.of(new EvaluationPoint(1, 1000, 100_000, 0.3, 0.91, true)),
                List.of(new RateChange(50_000, 0.01)));
        b.append(List.of(new LossPoint(100, 2.2)), List.of(), List.of());
        a.finishAs(RecordedRun.State.COMPLETED);
        b.finishAs(RecordedRun.State.DIVERGED);

        Path csv = dir.resolve("runs.csv");
        RunHistory.writeCsv(history.runs(), csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,status,architecture,activation,optimizer,batch_size,dropout,l2,seed,"
                + "epoch,learning_rate,kind,examples_seen,value", lines.get(0));
        assertEquals(1 + 1000 + 2 + 1 + 1, lines.size(), "raw points, not the decimated ones on screen");
        assertTrue(lines.contains("1,finished,784-64-32-10,relu/relu,sgd,100,0.0,0.0,1,1,0.01,learning_rate_change,50000,0.01"),
                lines.toString());
        assertTrue(startsARow(lines, "1,finished,784-64-32-10,relu/relu,sgd,100,0.0,0.0,1,1,0.05,train_loss,49900,"),
                "before the change, the first rate");
        assertTrue(startsARow(lines, "1,finished,784-64-32-10,relu/relu,sgd,100,0.0,0.0,1,1,0.05,train_loss,50000,"),
                "the batch that ended where the rate was changed still had the old one");
        assertTrue(startsARow(lines, "1,finished,784-64-32-10,relu/relu,sgd,100,0.0,0.0,1,1,0.01,train_loss,50100,"),
                "from the change on, the new one");
        assertTrue(startsARow(lines, "1,finished,784-64-32-10,relu/relu,sgd,100,0.0,0.0,1,2,0.01,train_loss,60100,"),
                "epoch 2 starts after 60,000 images");
        assertTrue(lines.contains("2,diverged,784-64-32-10,relu/relu,sgd,100,0.2,1.0E-4,7,1,0.5,train_loss,100,2.2"),
                lines.subList(lines.size() - 2, lines.size()).toString());
        assertTrue(a.label().get().contains("→ lr 0.01") && a.label().get().contains("91.00%"), a.label().get());
    }

    @Test
    void csvExportWritesTheRunsAsTheyWereWhenItWasAsked(@TempDir Path dir) throws Exception {
        RunHistory history = new RunHistory();
        RecordedRun run = history.start(NetworkSpec.defaults());
        run.append(List.of(new LossPoint(100, 2.3)), List.of(), List.of());

        Path csv = dir.resolve("runs.csv");
        Callable<?> export = ChartsViewModel.csvExport(history.runs(), csv);
        // The next frame of the running run arrives before the export thread gets to it.
        run.append(List.of(new LossPoint(200, 2.1)), List.of(new EvaluationPoint(1, 2, 200, 0.4, 0.9, false)),
                List.of(new RateChange(200, 0.01)));
        export.call();

        List<String> lines = Files.readAllLines(csv);
        assertEquals(List.of(RunHistory.CSV_HEADER, "1,running,784-64-32-10,relu/relu,sgd,100,0.0,0.0,1,,0.05,train_loss,100,2.3"),
                lines);
        assertEquals(2, run.trainLoss().size(), "the run itself goes on");
    }

    @Test
    void decimationKeepsLongCurvesShortAndFaithful() {
        List<LossPoint> points = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) points.add(new LossPoint(i, i % 2 == 0 ? 1 : 3));
        List<LossPoint> drawn = Decimation.toAtMost(points, 400);
        assertEquals(400, drawn.size());
        for (LossPoint p : drawn) assertEquals(2.0, p.loss(), 1e-9, "neighbours averaged, not dropped");
        assertEquals(0, drawn.get(0).examplesSeen(), 200);
        assertEquals(99_999, drawn.get(399).examplesSeen(), 200);
        assertEquals(3, Decimation.toAtMost(points.subList(0, 3), 400).size(), "short curves unchanged");
    }

    private static boolean startsARow(List<String> lines, String start) {
        return lines.stream().anyMatch(line -> line.startsWith(start));
    }
}
