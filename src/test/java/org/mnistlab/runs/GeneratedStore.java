package org.mnistlab.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.LossPoint;

/**
 * A store full of plausible runs for the scale measurements: {@code runs} runs of {@code epochs}
 * epochs, {@code batches} training losses and 5 test measurements an epoch, written as the
 * recorder writes them (one transaction per epoch). Learning rates cycle through
 * {@link #RATES} and optimisers alternate SGD/Adam, so a filter has something to find.
 */
public final class GeneratedStore {
    static final double[] RATES = {0.1, 0.05, 0.01, 0.005, 0.001};

    private GeneratedStore() {}

    public static void create(Path file, int runs, int epochs, int batches) {
        Instant start = Instant.parse("2026-09-01T08:00:00Z");
        DataSource data = new DataSource(null, 60_000, 10_000, Map.of());
        try (RunStore store = RunStore.open(file)) {
            for (int r = 0; r < runs; r++) {
                NetworkSpec spec = spec(r, epochs);
                Instant started = start.plus(Duration.ofMinutes(10L * r));
                long id = store.startRun(spec, data, started);
                long examples = 0;
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    List<LossPoint> losses = new ArrayList<>(batches);
                    List<EvaluationPoint> evaluations = new ArrayList<>();
                    for (int b = 1; b <= batches; b++) {
                        examples += spec.batchSize();
                        losses.add(new LossPoint(examples, 2.3 / Math.sqrt(examples / 1000.0 + 1) + 0.01 * (b % 7)));
                        if (b % (batches / 5) == 0) {
                            double accuracy = 1 - 0.9 / Math.sqrt(examples / 5000.0 + 1);
                            evaluations.add(new EvaluationPoint(epoch, b, examples, 1 - accuracy, accuracy, b == batches));
                        }
                    }
                    store.append(id, new RunStore.Progress(losses, evaluations, List.of(), epoch, examples),
                            started.plusSeconds(6L * epoch));
                }
                store.finish(id, RunEnding.FINISHED, "", started.plusSeconds(6L * epochs));
            }
        }
    }

    static NetworkSpec spec(int run, int epochs) {
        return NetworkSpec.defaults().toBuilder()
                .learningRate(RATES[run % RATES.length])
                .optimizer(run % 2 == 0 ? OptimizerKind.SGD : OptimizerKind.ADAM)
                .epochs(epochs)
                .build();
    }
}
