package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.backend.BackendInfo;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.StepProfile;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;

/**
 * {@code bench}: training throughput of the real trainer, as samples per second.
 *
 * <p>Runs a warm-up (JIT, native caches), then several timed windows of a fixed number of
 * examples, and reports their median. A window that crosses an epoch end is discarded, so the
 * test-set evaluation and reshuffle between epochs never count as training time.
 *
 * <p>{@code --engine dl4j} times DL4J's own {@code fit} instead of the fast path, {@code --profile}
 * breaks a fast-path step down by phase, and {@code --inference} also times what the drawing pad
 * does for each stroke: preprocessing a drawing and one forward pass.
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
        return SpecOptions.usage(name(), """
                  --warmup N            examples trained before timing starts (default 20000)
                  --window N            examples per timed window (default 20000, or what fits in one
                                        epoch); it must fit in one epoch after a batch
                  (--epochs does not apply: bench trains until its windows are timed)
                  --windows N           timed windows; the median is reported (default 5)
                  --engine auto         auto (the fast path where it applies) or dl4j (DL4J's fit)
                  --profile             also print where a fast-path step's time goes, by phase
                  --inference           also time what the pad does per stroke (render, read, strips)
                  --json                one JSON object with samples_per_second
                """);
    }

    @Override
    public Set<String> valuedOptions() {
        return SpecOptions.valuedOptions("warmup", "window", "windows", "engine");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "profile", "inference");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        if (args.has("epochs")) {
            throw new UsageException("--epochs does not apply to bench: it trains until its windows are timed "
                    + "(see --warmup, --window and --windows)");
        }
        NetworkSpec spec = SpecOptions.read(args).toBuilder().epochs(NetworkSpec.MAX_EPOCHS).build();
        int warmup = args.integer("warmup", 20_000);
        int windows = args.integer("windows", 5);
        if (warmup < 0) throw new UsageException("--warmup: " + warmup + " is not at least 0");
        if (windows < 1) throw new UsageException("--windows: " + windows + " is not at least 1");
        Trainer.Engine engine = engine(args);
        MnistData data = DataOptions.load(args);
        int window = window(args, spec.batchSize(), data.train().count());
        TrainingControl control = new TrainingControl();
        StepProfile profile = args.has("profile") ? new StepProfile() : null;
        WindowTimer timer = new WindowTimer(warmup, window, windows, control, profile);
        Trainer trainer = new Trainer(spec, data.train(), data.test()).withEngine(engine).withProfile(profile);
        TrainingOutcome outcome = trainer.run(timer, control);
        if (timer.rates.isEmpty()) {
            err.println("mnist-lab bench: no window was timed"
                    + (outcome.diverged() ? " (" + outcome.message() + ")" : ""));
            return Cli.FAILED;
        }

        double[] rates = timer.rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = rates[rates.length / 2];
        BackendInfo backend = BackendInfo.current();
        double[] inference = args.has("inference") ? InferenceTimer.measure(outcome.model()) : null;
        if (args.has("json")) {
            Json json = Json.object().put("config", spec.summary())
                    .put("engine", trainer.engineDescription())
                    .put("samples_per_second", Math.round(median))
                    .put("windows", timer.rates.stream().map(Math::round).toList())
                    .put("backend", backend.backend()).put("device", backend.device())
                    .put("threads", trainer.threadDescription());
            if (inference != null) {
                json.put("inference_median_ms", inference[0]).put("inference_p90_ms", inference[1]);
            }
            out.println(json);
        } else {
            out.printf(Locale.ROOT, "%s: %,.0f samples/s (median of %d windows of %,d examples)%n",
                    spec.summary(), median, rates.length, window);
            out.printf(Locale.ROOT, "engine: %s; %s %s; %s%n", trainer.engineDescription(),
                    backend.backend(), backend.device(), trainer.threadDescription());
            out.println("windows: " + Arrays.toString(timer.rates.stream().mapToLong(Math::round).toArray()));
            if (inference != null) {
                out.printf(Locale.ROOT, "drawing-pad inference (render strokes + preprocess + forward "
                        + "+ activation strips): median %.2f ms, p90 %.2f ms%n",
                        inference[0], inference[1]);
            }
        }
        if (profile != null) {
            out.print(profile.steps() == 0 ? "profile: no fast-path steps (the DL4J path is not broken down)\n"
                    : profile.table());
        }
        return Cli.OK;
    }

    /** {@code --engine}: auto (the fast path where it applies) or dl4j (DL4J's fit, the reference); train takes it too. */
    static Trainer.Engine engine(CliArgs args) {
        return switch (args.text("engine", "auto").toLowerCase(Locale.ROOT)) {
            case "auto" -> Trainer.Engine.AUTO;
            case "dl4j" -> Trainer.Engine.DL4J;
            default -> throw new UsageException("--engine must be auto or dl4j");
        };
    }

    /**
     * Examples per timed window. A window that crosses an epoch end is discarded, and each epoch's
     * first batch starts a window, so a window must fit in an epoch after one batch; a larger one
     * would train for ever without timing anything. The default shrinks to fit a {@code --limit}.
     */
    private static int window(CliArgs args, int batch, int trainImages) {
        int fits = (trainImages / batch) * batch - batch; // whole batches, in case the last partial one is dropped
        if (fits < batch) {
            throw new UsageException(String.format(Locale.ROOT, "--batch: %,d leaves no room for a timed window in an "
                    + "epoch of %,d training images; bench needs a batch of at most half the training images",
                    batch, trainImages));
        }
        if (!args.has("window")) return Math.min(20_000, fits);
        int window = args.integer("window", 20_000);
        if (window < batch) {
            throw new UsageException(String.format(Locale.ROOT, "--window: %,d is smaller than one batch (%,d)",
                    window, batch));
        }
        if (window > fits) {
            throw new UsageException(String.format(Locale.ROOT, "--window: %,d examples do not fit in one epoch of %,d "
                    + "training images after a batch of %,d; give at most %,d, or a larger --limit",
                    window, trainImages, batch, fits));
        }
        return window;
    }

    /** Times consecutive windows from batch callbacks; cancels the run once it has enough. */
    private static final class WindowTimer implements TrainingListener {
        final List<Double> rates = new ArrayList<>();
        private final long warmup;
        private final long window;
        private final int wanted;
        private final TrainingControl control;
        private final StepProfile profile;
        private long windowStartExamples = -1;
        private long windowStartNanos;
        private int windowEpoch;

        WindowTimer(long warmup, long window, int wanted, TrainingControl control, StepProfile profile) {
            this.warmup = warmup;
            this.window = window;
            this.wanted = wanted;
            this.control = control;
            this.profile = profile;
        }

        @Override
        public void onBatch(BatchProgress p) {
            long now = System.nanoTime();
            if (p.examplesSeen() < warmup) return;
            if (windowStartExamples < 0 && profile != null) profile.reset(); // warm-up steps do not count
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
