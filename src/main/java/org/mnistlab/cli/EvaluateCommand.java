package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistLoader;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;

/** {@code evaluate}: test accuracy, per-digit accuracy and the confusion matrix of a saved model. */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "test accuracy and confusion matrix of a saved model";
    }

    @Override
    public String usage() {
        return "Usage: java -jar mnist-lab.jar evaluate --model FILE [--data DIR] [--json]\n\n"
                + ModelOption.HELP + """
                  --data DIR            MNIST folder; default: the bundled copy
                  --json                one JSON object: test_accuracy, test_loss,
                                        per_class_accuracy, confusion_matrix (rows: true digit)
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of(ModelOption.NAME, "data");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        TrainedModel model = ModelFile.load(ModelOption.required(args));
        DigitSet test = MnistLoader.loadTest(args.path("data"));
        EvaluationReport report = Evaluator.evaluate(model, test);
        if (args.has("json")) {
            out.println(Json.object().put("test_accuracy", report.accuracy()).put("test_loss", report.loss())
                    .put("per_class_accuracy", report.perClassAccuracy())
                    .put("confusion_matrix", report.confusion()));
            return Cli.OK;
        }
        out.printf(Locale.ROOT, "%s on %,d test images: accuracy %.2f%%, loss %.4f%n",
                model.spec().architecture(), report.count(), 100 * report.accuracy(), report.loss());
        out.println();
        out.println("Confusion matrix (rows: true digit, columns: predicted):");
        out.print("       ");
        for (int c = 0; c < 10; c++) out.printf("%6d", c);
        out.println("   accuracy");
        for (int r = 0; r < 10; r++) {
            out.printf("%6d ", r);
            for (int c = 0; c < 10; c++) out.printf("%6d", report.confusion()[r][c]);
            out.printf(Locale.ROOT, "   %6.2f%%%n", 100 * report.perClassAccuracy()[r]);
        }
        return Cli.OK;
    }
}
