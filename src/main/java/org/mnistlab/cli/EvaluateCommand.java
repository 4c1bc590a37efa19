package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistLoader;
import org.mnistlab.drawing.PngPictures;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.inspection.ConfusionCells;
import org.mnistlab.inspection.Verdict;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;

/** {@code evaluate}: test accuracy, per-digit recall and precision, the confusion matrix and optionally the misread images of a saved model. */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "test accuracy, precision, recall and confusion matrix of a saved model";
    }

    @Override
    public String usage() {
        return "Usage: java -jar mnist-lab.jar evaluate --model FILE [--data DIR] [--mistakes DIR] [--json]\n\n"
                + ModelOption.HELP + """
                  --data DIR            MNIST folder; default: the bundled copy
                  --mistakes DIR        write each misread test image there as a 28×28 PNG named
                                        true-predicted-confidence-index.png (4-9-0.973-00321.png)
                  --json                one JSON object: test_accuracy, test_loss,
                                        per_class_accuracy (= per_class_recall), per_class_precision,
                                        confusion_matrix (rows: true digit), mistakes_written
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of(ModelOption.NAME, "data", "mistakes");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        TrainedModel model = ModelFile.load(ModelOption.required(args));
        DigitSet test = MnistLoader.loadTest(args.path("data"));
        Path mistakesFolder = args.has("mistakes") ? OutputFiles.folder(args.path("mistakes")) : null;
        EvaluationReport report = Evaluator.evaluate(model, test);
        int written = mistakesFolder == null ? 0 : writeMistakes(report, test, mistakesFolder);
        if (args.has("json")) {
            Json json = Json.object().put("test_accuracy", report.accuracy()).put("test_loss", report.loss())
                    .put("per_class_accuracy", report.perClassAccuracy())
                    .put("per_class_recall", report.perClassRecall())
                    .put("per_class_precision", report.perClassPrecision())
                    .put("confusion_matrix", report.confusion());
            if (mistakesFolder != null) json.put("mistakes_written", written);
            out.println(json);
            return Cli.OK;
        }
        out.printf(Locale.ROOT, "%s on %,d test images: accuracy %.2f%%, loss %.4f%n",
                model.spec().architecture(), report.count(), 100 * report.accuracy(), report.loss());
        out.println();
        out.println("Confusion matrix (rows: true digit, columns: predicted):");
        out.print("       ");
        for (int c = 0; c < 10; c++) out.printf("%6d", c);
        out.println("     recall  precision");
        for (int r = 0; r < 10; r++) {
            out.printf("%6d ", r);
            for (int c = 0; c < 10; c++) out.printf("%6d", report.confusion()[r][c]);
            out.printf(Locale.ROOT, "   %7.2f%%   %7.2f%%%n", 100 * report.perClassRecall()[r],
                    100 * report.perClassPrecision()[r]);
        }
        out.println("(recall: share of the digit's images read right; precision: share of its answers that were right)");
        if (mistakesFolder != null) {
            out.printf(Locale.ROOT, "%nWrote %,d misread images to %s (true-predicted-confidence-index.png)%n",
                    written, mistakesFolder);
        }
        return Cli.OK;
    }

    /** @return how many images were written */
    private static int writeMistakes(EvaluationReport report, DigitSet test, Path folder) {
        ConfusionCells cells = new ConfusionCells(report);
        List<Verdict> mistakes = cells.mostConfidentMistakes(report.count());
        for (Verdict v : mistakes) {
            String name = String.format(Locale.ROOT, "%d-%d-%.3f-%05d.png", v.actual(), v.predicted(),
                    v.confidence(), v.index());
            float[] pixels = test.intensities(v.index());
            OutputFiles.write(folder.resolve(name), temp -> PngPictures.writeDigit(pixels, temp));
        }
        return mistakes.size();
    }
}
