package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.backend.BackendInfo;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistData;
import org.mnistlab.drawing.ImageInputException;
import org.mnistlab.drawing.LabelledImages;
import org.mnistlab.mydigits.MyDigitsTraining;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.runs.DataSource;
import org.mnistlab.runs.RunRecorder;
import org.mnistlab.runs.RunStore;
import org.mnistlab.runs.RunStoreException;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.training.EpochSummary;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.RateSweep;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;

/** {@code train}: one line per epoch, recording the run in the run store and optionally saving the model. */
final class TrainCommand implements Command {
    /** Guessing one of ten digits. */
    private static final double CHANCE = 0.1;
    private static final String WITH_IMAGES = "with-images";

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a network, print one line per epoch, optionally save it";
    }

    @Override
    public String usage() {
        return SpecOptions.usage(name(), """
                  --out FILE            save the trained model (a .zip) there
                  --with-images DIR     also train on a folder of labelled PNGs (digit_7_….png or
                                        7/….png; the window's My digits folder is one), repeated
                                        until they are about 5 % of an epoch (at most 500 times
                                        each), as "Train with my digits" does
                  --engine auto         auto (the fast path where it applies) or dl4j (DL4J's fit,
                                        the reference the fast path is checked against)
                  --sweep 0.5,0.05,0.005  one run per learning rate, one after another, the other
                                        settings unchanged, then a summary line per rate (final
                                        test and best validation accuracy); or FROM:TO:N, N rates
                                        spaced evenly on a log scale (0.001:1:4); 2 to 20 rates
                  --no-record           do not record the run in the run store (see 'runs')
                  --json                one JSON object per epoch: epoch, train_loss, test_loss,
                                        test_accuracy, samples_per_second, train_accuracy (on
                                        5000 training images), learning_rate (of the
                                        epoch's last step), validation_loss and
                                        validation_accuracy (with --validation), hint (in the
                                        epoch where the loss stopped falling)
                """ + StoreOption.HELP);
    }

    @Override
    public Set<String> valuedOptions() {
        return SpecOptions.valuedOptions("out", "engine", "sweep", WITH_IMAGES, StoreOption.NAME);
    }

    /** The folder's images once each; a file that cannot be read is named on stderr and left out. */
    private static DigitSet ownImages(Path folder, PrintStream err) {
        LabelledImages.Folder read = LabelledImages.read(folder);
        for (String skipped : read.skipped()) err.println("mnist-lab train: skipped " + skipped);
        if (read.images().isEmpty()) throw new ImageInputException(folder + ": no image could be read");
        return MyDigitsTraining.asSet(read.images().stream().map(LabelledImages.Image::pixels).toList(),
                read.images().stream().map(LabelledImages.Image::label).toList());
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "no-record");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        NetworkSpec spec = SpecOptions.read(args);
        RateSweep sweep = args.has("sweep") ? RateSweep.parse(args.text("sweep", "")) : null;
        Path target = args.path("out");
        if (sweep != null && target != null) {
            throw new UsageException("--out saves one model, and a sweep trains " + sweep.rates().size()
                    + "; leave out --out (each run's model is kept in the run store)");
        }
        if (target != null) {
            ModelFile.requireSavable(target); // now, not after the whole training
            ModelFile.removeStaleTemporaryFiles(target.toAbsolutePath().getParent());
        }
        boolean json = args.has("json");
        MnistData data = DataOptions.load(args);
        if (sweep == null) return trainOne(spec, data, target, args, out, err).code();
        // Checked before the first run, so a bad setting does not show up after hours.
        List<NetworkSpec> specs = sweep.specs(spec);
        for (NetworkSpec each : specs) new Trainer(each, data.train(), data.test());
        List<Finished> runs = new java.util.ArrayList<>();
        for (NetworkSpec each : specs) runs.add(trainOne(each, data, null, args, out, err));
        printSweep(runs, json, out);
        return runs.stream().allMatch(r -> r.outcome().diverged()) ? Cli.FAILED : Cli.OK;
    }

    /** One run's settings, how it ended and the exit code it alone would give. */
    private record Finished(NetworkSpec spec, TrainingOutcome outcome, int code) {}

    /**
     * The sweep's summary, one line (or JSON object) per rate: final test accuracy, and the best
     * validation accuracy with its epoch when the runs hold validation images.
     */
    private static void printSweep(List<Finished> runs, boolean json, PrintStream out) {
        if (!json) out.println("sweep: learning rate, final test accuracy, best validation accuracy");
        for (Finished run : runs) {
            TrainingOutcome o = run.outcome();
            Double test = o.lastEvaluation() == null ? null : o.lastEvaluation().testAccuracy();
            EvaluationPoint best = o.bestValidation();
            String status = o.diverged() ? "diverged" : o.status() == TrainingOutcome.Status.CANCELLED ? "stopped" : "finished";
            if (json) {
                out.println(Json.object().put("sweep_learning_rate", run.spec().learningRate())
                        .put("test_accuracy", test)
                        .put("best_validation_accuracy", best == null ? null : best.validationAccuracy())
                        .put("best_epoch", best == null ? null : best.epoch()).put("status", status));
            } else {
                out.printf(Locale.ROOT, "  lr %-8s  %s  %s%s%n", NetworkSpec.formatNumber(run.spec().learningRate()),
                        test == null ? "     -" : String.format(Locale.ROOT, "%6.2f%%", 100 * test),
                        best == null ? "-" : String.format(Locale.ROOT, "%.2f%% at epoch %d", 100 * best.validationAccuracy(),
                                best.epoch()), o.diverged() ? "  (diverged)" : "");
            }
        }
        out.flush();
    }

    private Finished trainOne(NetworkSpec spec, MnistData data, Path target, CliArgs args, PrintStream out,
            PrintStream err) {
        boolean json = args.has("json");
        DigitSet own = args.has(WITH_IMAGES) ? ownImages(args.path(WITH_IMAGES), err) : null;
        DigitSet extra = own == null ? null : MyDigitsTraining.oversampled(own, data.train().count());
        Trainer trainer = new Trainer(spec, data.train(), data.test()).withEngine(BenchCommand.engine(args))
                .withExtraTraining(extra);
        if (!json) {
            out.printf(Locale.ROOT, "Training %s on %,d images for %d epoch%s (%s, %s)%n", spec.summary(),
                    data.train().count(), spec.epochs(), spec.epochs() == 1 ? "" : "s",
                    BackendInfo.current().shortText(), trainer.engineDescription());
            if (own != null) {
                out.printf(Locale.ROOT, "and on %,d labelled images from %s, each %d times an epoch%n", own.count(),
                        args.path(WITH_IMAGES), MyDigitsTraining.copies(own.count(), data.train().count()));
            }
        }
        RunStore store = args.has("no-record") ? null : openStore(args, err);
        RunRecorder recorder = store == null ? null : RunRecorder.start(store, spec,
                DataSource.of(args.path("data"), data.train().count(), data.test().count()),
                notice -> err.println("mnist-lab train: " + notice));
        boolean scheduled = !spec.schedule().isConstant() || spec.warmup() > 0;
        TrainingListener printer = new TrainingListener() {
            private String hint = "";
            private double rate = spec.learningRate();

            @Override
            public void onBatch(org.mnistlab.training.BatchProgress progress) {
                rate = progress.learningRate();
            }

            @Override
            public void onHint(int epoch, int batch, String text) {
                hint = text;
            }

            @Override
            public void onEpochEnd(EpochSummary s) {
                out.println(json ? epochJson(s, hint, rate) : epochText(s, hint, scheduled ? rate : Double.NaN));
                out.flush();
                hint = "";
            }
        };
        TrainingOutcome outcome;
        try {
            outcome = trainer.run(recorder == null ? printer : TrainingListener.both(recorder, printer),
                    new TrainingControl());
            if (recorder != null) {
                recorder.finish(outcome);
                if (!recorder.failed()) {
                    (json ? err : out).println("Recorded as run " + recorder.runId()
                            + " (java -jar mnist-lab.jar runs show " + recorder.runId() + ")");
                }
            }
        } finally {
            if (store != null) store.close();
        }

        if (outcome.diverged()) {
            err.println("mnist-lab train: " + outcome.message());
            return new Finished(spec, outcome, Cli.FAILED);
        }
        if (!json) {
            EvaluationPoint best = outcome.bestValidation();
            if (best != null) {
                out.printf(Locale.ROOT, "best validation accuracy %.2f%% at epoch %d%n",
                        100 * best.validationAccuracy(), best.epoch());
            }
            if (!outcome.message().isEmpty()) out.println(outcome.message());
        }
        String warning = outcome.lastEvaluation() == null ? null : chanceWarning(outcome.lastEvaluation().testAccuracy());
        if (warning != null) err.println("mnist-lab train: " + warning);
        if (target != null) {
            Double accuracy = outcome.lastEvaluation() == null ? null : outcome.lastEvaluation().testAccuracy();
            ModelFile.save(outcome.model(), accuracy, target);
            (json ? err : out).println("Saved the model to " + target);
        }
        return new Finished(spec, outcome, Cli.OK);
    }

    /**
     * A warning when the final accuracy is within 2 points of guessing: not a failure (the run did
     * what was asked, exit 0), but a student should not miss it.
     */
    static String chanceWarning(double accuracy) {
        if (accuracy > CHANCE + 0.02) return null;
        return String.format(Locale.ROOT, "warning: the final test accuracy, %.1f%%, is no better than guessing "
                + "(10%%): the network has not learned. Try a lower learning rate or more epochs.", 100 * accuracy);
    }

    /** The store, or null with a notice: training goes on without recording. */
    private static RunStore openStore(CliArgs args, PrintStream err) {
        try {
            return StoreOption.open(args, "train", err);
        } catch (RunStoreException e) {
            err.println("mnist-lab train: " + RunRecorder.NOT_SAVING + e.getMessage());
            return null;
        }
    }

    /**
     * @param hint given during this epoch (the loss stopped falling), or empty
     * @param rate the rate of the epoch's last step, shown when a schedule moves it; NaN leaves it out
     */
    private static String epochText(EpochSummary s, String hint, double rate) {
        String validation = s.hasValidation() ? String.format(Locale.ROOT,
                "  validation loss %.4f  validation accuracy %.2f%%", s.validationLoss(), 100 * s.validationAccuracy())
                : "";
        return String.format(Locale.ROOT,
                "epoch %d  train loss %.4f  train accuracy %.2f%%%s  test loss %.4f  test accuracy %.2f%%  %,.0f samples/s",
                s.epoch(), s.trainLoss(), 100 * s.trainAccuracy(), validation, s.testLoss(), 100 * s.testAccuracy(),
                s.samplesPerSecond())
                + (Double.isNaN(rate) ? "" : "  lr " + new java.math.BigDecimal(rate)
                        .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString())
                + (hint.isEmpty() ? "" : "\n  hint: " + hint);
    }

    /** @param rate the rate of the epoch's last step ({@code learning_rate}) */
    private static String epochJson(EpochSummary s, String hint, double rate) {
        Json json = Json.object().put("epoch", s.epoch()).put("train_loss", s.trainLoss())
                .put("test_loss", s.testLoss()).put("test_accuracy", s.testAccuracy())
                .put("samples_per_second", Math.round(s.samplesPerSecond()))
                .put("train_accuracy", s.trainAccuracy()).put("learning_rate", rate);
        if (s.hasValidation()) {
            json.put("validation_loss", s.validationLoss()).put("validation_accuracy", s.validationAccuracy());
        }
        if (!hint.isEmpty()) json.put("hint", hint);
        return json.toString();
    }
}
