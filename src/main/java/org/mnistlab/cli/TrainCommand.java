package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.backend.BackendInfo;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.storage.ModelFile;
import org.mnistlab.training.EpochSummary;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingControl;
import org.mnistlab.training.TrainingListener;
import org.mnistlab.training.TrainingOutcome;

/** {@code train}: one line per epoch, optionally saving the model. */
final class TrainCommand implements Command {
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
                  --json                one JSON object per epoch: epoch, train_loss, test_loss,
                                        test_accuracy, samples_per_second (and hint, in the
                                        epoch where the loss stopped falling)
                """);
    }

    @Override
    public Set<String> valuedOptions() {
        return SpecOptions.valuedOptions("out");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        NetworkSpec spec = SpecOptions.read(args);
        Path target = args.path("out");
        boolean json = args.has("json");
        MnistData data = DataOptions.load(args);
        Trainer trainer = new Trainer(spec, data.train(), data.test());
        if (!json) {
            out.printf(Locale.ROOT, "Training %s on %,d images for %d epoch%s (%s)%n", spec.summary(),
                    data.train().count(), spec.epochs(), spec.epochs() == 1 ? "" : "s",
                    BackendInfo.current().shortText());
        }
        TrainingOutcome outcome = trainer.run(new TrainingListener() {
            private String hint = "";

            @Override
            public void onHint(int epoch, int batch, String text) {
                hint = text;
            }

            @Override
            public void onEpochEnd(EpochSummary s) {
                out.println(json ? epochJson(s, hint) : epochText(s, hint));
                out.flush();
                hint = "";
            }
        }, new TrainingControl());

        if (outcome.diverged()) {
            err.println("mnist-lab train: " + outcome.message());
            return Cli.FAILED;
        }
        if (target != null) {
            Double accuracy = outcome.lastEvaluation() == null ? null : outcome.lastEvaluation().testAccuracy();
            ModelFile.save(outcome.model(), accuracy, target);
            (json ? err : out).println("Saved the model to " + target);
        }
        return Cli.OK;
    }

    /** @param hint given during this epoch (the loss stopped falling), or empty */
    private static String epochText(EpochSummary s, String hint) {
        return String.format(Locale.ROOT,
                "epoch %d  train loss %.4f  test loss %.4f  test accuracy %.2f%%  %,.0f samples/s",
                s.epoch(), s.trainLoss(), s.testLoss(), 100 * s.testAccuracy(), s.samplesPerSecond())
                + (hint.isEmpty() ? "" : "\n  hint: " + hint);
    }

    private static String epochJson(EpochSummary s, String hint) {
        Json json = Json.object().put("epoch", s.epoch()).put("train_loss", s.trainLoss())
                .put("test_loss", s.testLoss()).put("test_accuracy", s.testAccuracy())
                .put("samples_per_second", Math.round(s.samplesPerSecond()));
        if (!hint.isEmpty()) json.put("hint", hint);
        return json.toString();
    }
}
