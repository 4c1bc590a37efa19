package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.data.MnistData;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.RateFinder;
import org.mnistlab.training.RateFinding;
import org.mnistlab.training.TrainingControl;

/**
 * {@code lr-find}: the learning-rate range test ({@link RateFinder}) on a fresh network of the
 * given settings: the smoothed loss at rates from 1e-6 up to where it blows up, and the rates it
 * suggests, with why. Exit 1 when the network diverges at once and nothing can be suggested.
 */
final class LrFindCommand implements Command {
    /** Rows of the printed table: the sweep's steps, thinned out evenly. */
    private static final int ROWS = 25;

    @Override
    public String name() {
        return "lr-find";
    }

    @Override
    public String summary() {
        return "learning-rate range test: the loss as the rate grows from 1e-6 to 10, and a rate to use";
    }

    @Override
    public String usage() {
        return SpecOptions.usage(name(), """
                  --json                one object per step (rate, loss, smoothed_loss), then one with
                                        steepest, minimum_tenth (null when nothing is suggested) and
                                        explanation
                The network's settings are those of train; its --lr, --schedule, --warmup and
                --epochs are replaced by the sweep, which trains a fresh network for up to one
                epoch and stops once the smoothed loss is 4 times its minimum (as fastai's lr_find).
                """);
    }

    @Override
    public Set<String> valuedOptions() {
        return SpecOptions.valuedOptions();
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        NetworkSpec spec = SpecOptions.read(args);
        boolean json = args.has("json");
        MnistData data = DataOptions.load(args);
        RateFinder finder = new RateFinder(spec, data.train(), data.test());
        if (!json) {
            out.printf(Locale.ROOT, "Range test of %s: rate 1e-6 to 10 over up to %,d steps%n",
                    spec.architecture(), finder.steps());
        }
        RateFinding found = finder.run(new TrainingControl());
        if (json) {
            for (RateFinding.Point p : found.points()) {
                out.println(Json.object().put("rate", p.rate()).put("loss", p.loss())
                        .put("smoothed_loss", p.smoothedLoss()));
            }
            Json end = Json.object();
            putOrNull(end, "steepest", found.steepest());
            putOrNull(end, "minimum_tenth", found.minimumTenth());
            out.println(end.put("explanation", found.explanation()));
        } else {
            int stride = Math.max(1, found.points().size() / ROWS);
            out.println("      rate   smoothed loss");
            for (int i = 0; i < found.points().size(); i += stride) {
                RateFinding.Point p = found.points().get(i);
                out.printf(Locale.ROOT, "%10.3g   %.4f%n", p.rate(), p.smoothedLoss());
            }
            if (found.suggests()) {
                out.printf(Locale.ROOT, "suggested: %.2g (steepest descent) or %.2g (a tenth of the minimum)%n",
                        found.steepest(), found.minimumTenth());
            }
            out.println(found.explanation());
        }
        out.flush();
        if (!found.suggests()) {
            err.println("mnist-lab lr-find: no rate suggested");
            return Cli.FAILED;
        }
        return Cli.OK;
    }

    private static void putOrNull(Json json, String key, double value) {
        json.put(key, Double.isNaN(value) ? null : value);
    }
}
