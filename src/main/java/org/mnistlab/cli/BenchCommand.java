package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.backend.BackendInfo;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;

/**
 * {@code bench}: training throughput of the real trainer, as samples per second.
 *
 * <p>Runs a warm-up (JIT, native caches), then several timed windows of a fixed number of
 * examples, and reports their median. A window that crosses an epoch end is discarded, so the
 * test-set evaluation and reshuffle between epochs never count as training time.
 */
final class BenchCommand implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure training speed (samples/s) for a network";
    }

    @Override
    public String usage() {
        return "Usage: java -jar mnist-lab.jar bench [options]\n\n" + SpecOptions.HELP + DataOptions.HELP + """
                  --warmup N            examples trained before timing starts (default 20000)
                  --window N            examples per timed window (default 20000)
                  --windows N           timed windows; the median is reported (default 5)
                  --json                one JSON object with samples_per_second
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> names = new HashSet<>(SpecOptions.NAMES);
        names.addAll(DataOptions.NAMES);
        names.addAll(Set.of("warmup", "window", "windows"));
        return names;
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        NetworkSpec spec = SpecOptions.read(args).withEpochs(NetworkSpec.MAX_EPOCHS);
        int warmup = args.integer("warmup", 20_000);
        int window = args.integer("window", 20_000);
        int windows = args.integer("windows", 5);
        if (warmup < 0 || window < spec.batchSize() || windows < 1) {
            throw new UsageException("--warmup must be >= 0, --window at least one batch, --windows >= 1");
        }
        MnistData data = DataOptions.load(args);
        TrainingControl control = new TrainingControl();
        WindowTimer timer = new WindowTimer(warmup, window, windows, control);
        new Trainer(spec, data.train(), data.test()).run(timer, control);

        double[] rates = timer.rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = rates[rates.length / 2];
        BackendInfo backend = BackendInfo.current();
        if (args.has("json")) {
            out.println(Json.object().put("config", spec.summary())
                    .put("samples_per_second", Math.round(median))
                    .put("windows", timer.rates.stream().map(Math::round).toList())
                    .put("backend", backend.backend()).put("threads", backend.threads()));
        } else {
            out.printf(Locale.ROOT, "%s: %,.0f samples/s (median of %d windows of %,d examples; %s)%n",
                    spec.summary(), median, rates.length, window, backend.shortText());
            out.println("windows: " + Arrays.toString(timer.rates.stream().mapToLong(Math::round).toArray()));
        }
        return Cli.OK;
    }

    /** Times consecutive windows from batch callbacks; cancels the run once it has enough. */
    private static final class WindowTimer implements TrainingListener {
        final List<Double> rates = new ArrayList<>();
        private final long warmup;
        private final long window;
        private final int wanted;
        private final TrainingControl control;
        private long windowStartExamples = -1;
        private long windowStartNanos;
        private int windowEpoch;

        WindowTimer(long warmup, long window, int wanted, TrainingControl control) {
            this.warmup = warmup;
            this.window = window;
            this.wanted = wanted;
            this.control = control;
        }

        @Override
        public void onBatch(BatchProgress p) {
            long now = System.nanoTime();
            if (p.examplesSeen() < warmup) return;
            if (windowStartExamples < 0 || p.epoch() != windowEpoch) {
                startWindow(p, now); // first window, or the last one crossed an epoch end
                return;
            }
            long examples = p.examplesSeen() - windowStartExamples;
            if (examples >= window) {
                rates.add(examples / ((now - windowStartNanos) / 1e9));
                if (rates.size() >= wanted) control.cancel();
                startWindow(p, now);
            }
        }

        private void startWindow(BatchProgress p, long now) {
            windowStartExamples = p.examplesSeen();
            windowStartNanos = now;
            windowEpoch = p.epoch();
        }
    }
}
