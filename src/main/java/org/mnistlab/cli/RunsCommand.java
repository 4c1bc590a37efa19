package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mnistlab.runs.RunPoints;
import org.mnistlab.runs.RunStore;
import org.mnistlab.runs.StoredRun;
import org.mnistlab.training.EvaluationPoint;
import org.mnistlab.training.RateChange;

/** {@code runs list | show N | export N… --out F | import F}: the run store from the command line. */
final class RunsCommand implements Command {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String summary() {
        return "list, show, export and import the recorded training runs";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar mnist-lab.jar runs list [--json]
                       java -jar mnist-lab.jar runs show N [--json]
                       java -jar mnist-lab.jar runs export N [N…] --out FILE [--json]
                       java -jar mnist-lab.jar runs import FILE [--json]

                  list                  every recorded run, newest first
                  show N                run N's settings, data, times, metrics and points
                  export N… --out FILE  runs N… with their points and models as one file,
                                        which 'runs import' (or the window) of another lab reads
                  import FILE           copies the runs of an exported file into this store
                  --json                list: one object per run; show: one object with the points;
                                        export/import: one object with the run ids
                """ + StoreOption.HELP;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of(StoreOption.NAME, "out");
    }

    /** The action and its run numbers or file are words: {@code runs show 3}, {@code runs import F}. */
    @Override
    public boolean takesArguments() {
        return true;
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        List<String> words = args.positionals();
        if (words.isEmpty()) throw new UsageException("say what to do: runs list, show N, export N… --out FILE or import FILE");
        String action = words.get(0);
        List<String> rest = words.subList(1, words.size());
        boolean json = args.has("json");
        switch (action) {
            case "list", "show", "export", "import" -> { }
            default -> throw new UsageException("unknown action '" + action + "'; use list, show, export or import");
        }
        Path exportTarget = args.path("out");
        if (action.equals("export") && exportTarget == null) throw new UsageException("export needs --out FILE");
        if (!action.equals("export") && exportTarget != null) throw new UsageException("--out is only for export");
        List<Long> ids = action.equals("show") || action.equals("export") ? runIds(action, rest) : List.of();
        if (action.equals("show") && ids.size() != 1) throw new UsageException("show takes one run number");
        if (action.equals("list") && !rest.isEmpty()) throw new UsageException("list takes no arguments");
        if (action.equals("import") && rest.size() != 1) throw new UsageException("import takes one file");

        try (RunStore store = StoreOption.open(args, name(), err)) {
            switch (action) {
                case "list" -> list(store, json, out);
                case "show" -> show(store, ids.get(0), json, out);
                case "export" -> {
                    store.export(ids, exportTarget);
                    out.println(json ? Json.object().put("exported", ids).put("file", exportTarget.toString())
                            : "Exported " + count(ids.size()) + " to " + exportTarget);
                }
                default -> {
                    Path source = Path.of(rest.get(0));
                    List<Long> imported = store.importFrom(source);
                    out.println(json ? Json.object().put("imported", imported).put("file", source.toString())
                            : "Imported " + count(imported.size()) + " from " + source
                                    + (imported.isEmpty() ? "" : " as " + joined(imported)));
                }
            }
        }
        return Cli.OK;
    }

    private static List<Long> runIds(String action, List<String> words) {
        if (words.isEmpty()) throw new UsageException(action + " needs a run number (see runs list)");
        List<Long> ids = new ArrayList<>();
        for (String word : words) {
            try {
                ids.add(Long.parseLong(word.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("'" + word + "' is not a run number (see runs list)");
            }
        }
        return ids;
    }

    private static void list(RunStore store, boolean json, PrintStream out) {
        List<StoredRun> runs = store.list();
        if (json) {
            for (StoredRun run : runs) out.println(Json.object().putAll(summary(run)));
            return;
        }
        if (runs.isEmpty()) {
            out.println("No runs recorded yet in " + store.file() + ".");
            return;
        }
        out.printf("%5s  %-16s  %-11s  %-6s  %-8s  %s%n", "RUN", "STARTED", "ENDED", "EPOCHS", "TEST ACC", "NAME: SETTINGS");
        for (StoredRun run : runs) {
            out.printf(Locale.ROOT, "%5d  %-16s  %-11s  %-6s  %-8s  %s: %s%n", run.id(), LOCAL_TIME.format(run.startedAt()),
                    run.ending().word(), run.epochsCompleted() + "/" + (run.spec() == null ? "?" : run.spec().epochs()),
                    percent(run.finalTestAccuracy()), run.name(), run.summary());
        }
    }

    private static void show(RunStore store, long id, boolean json, PrintStream out) {
        StoredRun run = store.get(id);
        RunPoints points = store.points(id);
        if (json) {
            Map<String, Object> all = summary(run);
            all.put("spec", run.spec());
            all.put("data", run.data());
            all.put("message", run.message());
            all.put("train_loss", points.trainLoss().stream().map(p -> new double[] {p.examplesSeen(), p.loss()}).toList());
            List<Map<String, Object>> evaluations = new ArrayList<>();
            for (EvaluationPoint e : points.evaluations()) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("epoch", e.epoch());
                point.put("batch", e.batch());
                point.put("examples_seen", e.examplesSeen());
                point.put("test_loss", e.testLoss());
                point.put("test_accuracy", e.testAccuracy());
                point.put("end_of_epoch", e.endOfEpoch());
                evaluations.add(point);
            }
            all.put("evaluations", evaluations);
            all.put("learning_rate_changes", points.rateChanges().stream()
                    .map(c -> new double[] {c.examplesSeen(), c.learningRate()}).toList());
            out.println(Json.object().putAll(all));
            return;
        }
        out.println("Run " + run.id() + ": " + run.name());
        if (!run.note().isEmpty()) out.println("Note:        " + run.note());
        out.println("Settings:    " + run.summary());
        if (run.spec() != null) {
            out.println("             " + run.spec().epochs() + " epochs, seed " + run.spec().seed() + ", "
                    + run.spec().optimizer() + ", init " + run.spec().weightInit() + ", " + run.spec().normalization());
        }
        out.println("Data:        " + run.data().describe());
        run.data().sha256().forEach((file, sum) -> out.println("             " + file + " sha256 " + sum));
        out.println("Lab version: " + run.appVersion());
        out.println("Started:     " + LOCAL_TIME.format(run.startedAt()));
        out.println("Ended:       " + (run.endedAt() == null ? "-" : LOCAL_TIME.format(run.endedAt())) + ", "
                + run.ending().word() + (run.message().isEmpty() ? "" : " (" + run.message() + ")"));
        out.printf(Locale.ROOT, "Progress:    %d epoch%s, %,d examples seen%n", run.epochsCompleted(),
                run.epochsCompleted() == 1 ? "" : "s", run.examplesSeen());
        out.println("Final:       test accuracy " + percent(run.finalTestAccuracy()) + ", test loss "
                + (run.finalTestLoss() == null ? "-" : String.format(Locale.ROOT, "%.4f", run.finalTestLoss())));
        out.println("Best:        test accuracy " + percent(run.bestTestAccuracy())
                + (run.bestEpoch() == null ? "" : " at epoch " + run.bestEpoch()));
        if (run.bestValidationAccuracy() != null) {
            out.println("Validation:  best accuracy " + percent(run.bestValidationAccuracy())
                    + " at epoch " + run.bestValidationEpoch());
        }
        out.printf(Locale.ROOT, "Points:      %,d training losses, %d test measurements, %d learning-rate change%s%n",
                points.trainLoss().size(), points.evaluations().size(), points.rateChanges().size(),
                points.rateChanges().size() == 1 ? "" : "s");
        for (RateChange change : points.rateChanges()) {
            out.printf(Locale.ROOT, "             lr → %s after %,d examples%n",
                    org.mnistlab.network.NetworkSpec.formatNumber(change.learningRate()), change.examplesSeen());
        }
        out.println("Model:       " + (run.hasModel() ? "stored (the window's \"Open model of this run\")" : "none"));
    }

    /** The fields {@code runs list --json} prints for a run; {@code show} adds to them. */
    private static Map<String, Object> summary(StoredRun run) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", run.id());
        fields.put("name", run.name());
        fields.put("note", run.note());
        fields.put("settings", run.summary());
        fields.put("started_at", run.startedAt().toString());
        fields.put("ended_at", run.endedAt() == null ? null : run.endedAt().toString());
        fields.put("ending", run.ending().word());
        fields.put("epochs_completed", run.epochsCompleted());
        fields.put("epochs", run.spec() == null ? null : run.spec().epochs());
        fields.put("examples_seen", run.examplesSeen());
        fields.put("final_test_accuracy", run.finalTestAccuracy());
        fields.put("final_test_loss", run.finalTestLoss());
        fields.put("best_test_accuracy", run.bestTestAccuracy());
        fields.put("best_epoch", run.bestEpoch());
        fields.put("best_validation_accuracy", run.bestValidationAccuracy());
        fields.put("best_validation_epoch", run.bestValidationEpoch());
        fields.put("data", run.data().describe());
        fields.put("app_version", run.appVersion());
        fields.put("has_model", run.hasModel());
        return fields;
    }

    private static String percent(Double accuracy) {
        return accuracy == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * accuracy);
    }

    private static String count(int runs) {
        return runs + (runs == 1 ? " run" : " runs");
    }

    private static String joined(List<Long> ids) {
        return (ids.size() == 1 ? "run " : "runs ") + String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
