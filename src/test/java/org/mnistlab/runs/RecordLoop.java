package org.mnistlab.runs;

import java.nio.file.Path;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.testing.TestData;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;

/**
 * A child process for {@link RunStoreKillTest}: trains a long run (1000 epochs of 2,000 images)
 * into the store named by its argument, recording it as the lab does, and says after each write
 * of points how far the stored points reach: "flush k" then "at N".
 */
public final class RecordLoop {
    public static final int BATCH = 20;
    public static final NetworkSpec SPEC = NetworkSpec.defaults().toBuilder().batchSize(BATCH).epochs(1000).build();

    private RecordLoop() {}

    public static void main(String[] args) {
        MnistData mnist = TestData.mnist();
        DigitSet train = mnist.train().first(2000);
        DigitSet test = mnist.test().first(500);
        try (RunStore store = RunStore.open(Path.of(args[0]))) {
            RunRecorder recorder = RunRecorder.start(store, SPEC, DataSource.bundled(2000, 500),
                    notice -> System.out.println("failed " + notice));
            System.out.println("recording " + recorder.runId());
            int[] seen = {0};
            TrainingListener reporter = new TrainingListener() {
                @Override
                public void onBatch(BatchProgress progress) {
                    report(progress.examplesSeen());
                }

                @Override
                public void onEpochEnd(org.mnistlab.training.EpochSummary summary) {
                    report(summary.epoch() * 2000L);
                }

                /** Called after the recorder had the same event: a new transaction means these points are in. */
                private void report(long examples) {
                    if (recorder.transactions() > seen[0]) {
                        seen[0] = recorder.transactions();
                        System.out.println("flush " + seen[0]);
                        System.out.println("at " + examples);
                    }
                }
            };
            new Trainer(SPEC, train, test).run(TrainingListener.both(recorder, reporter), new TrainingControl());
        }
    }
}
