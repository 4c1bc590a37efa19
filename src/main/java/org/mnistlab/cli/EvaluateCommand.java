package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mnistlab.data.DigitSet;
import org.mnistlab.data.MnistLoader;
import org.mnistlab.drawing.LabelledImages;
import org.mnistlab.drawing.PngPictures;
import org.mnistlab.evaluation.EvaluationReport;
import org.mnistlab.evaluation.Evaluator;
import org.mnistlab.inspection.ConfusionCells;
import org.mnistlab.inspection.LabelledScores;
import org.mnistlab.inspection.Verdict;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;

/**
 * {@code evaluate}: test accuracy, per-digit recall and precision, the confusion matrix and
 * optionally the misread images of a saved model; or, with {@code --images}, its accuracy on a
 * folder of labelled PNGs and the files it misreads.
 */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "test accuracy, precision, recall and confusion matrix of a saved model (or on your PNGs: --images)";
    }

    @Override
    public String usage() {
        return "Usage: java -jar mnist-lab.jar evaluate --model FILE [--data DIR] [--mistakes DIR] [--json]\n"
                + "       java -jar mnist-lab.jar evaluate --model FILE --images DIR [--json]\n\n"
                + ModelOption.HELP + """
                  --images DIR          instead of MNIST's test set, a folder of labelled PNGs: named
                                        digit_7_anything.png, or laid out as 7/anything.png (the
                                        lab's My digits folder is one); prints the accuracy and
                                        every misread file. A damaged file is skipped and named,
                                        and the exit code is then 1
                  --data DIR            MNIST folder; default: the bundled copy
                  --mistakes DIR        write each misread test image there as a 28×28 PNG named
                                        true-predicted-confidence-index.png (4-9-0.973-00321.png)
                  --json                one JSON object: test_accuracy, test_loss,
                                        per_class_accuracy (= per_class_recall), per_class_precision,
                                        confusion_matrix (rows: true digit), mistakes_written;
                                        with --images: images, right, accuracy, misread (file,
                                        label, predicted, confidence), skipped
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of(ModelOption.NAME, "data", "mistakes", "images");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        if (args.has("images")) return evaluateImages(args, out, err);
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

    /** {@code --images DIR}: a folder of labelled PNGs instead of the test set. */
    private static int evaluateImages(CliArgs args, PrintStream out, PrintStream err) {
        for (String other : List.of("data", "mistakes")) {
            if (args.has(other)) {
                throw new UsageException("--images and --" + other + " do not go together: --images reads its "
                        + "own folder instead of MNIST's test set");
            }
        }
        Path modelFile = ModelOption.required(args);
        Path folder = args.path("images");
        LabelledImages.Folder images = LabelledImages.read(folder);
        TrainedModel model = ModelFile.load(modelFile);
        LabelledScores scores = LabelledScores.of(model,
                images.images().stream().map(LabelledImages.Image::pixels).toList(),
                images.images().stream().map(LabelledImages.Image::label).toList());
        List<Verdict> misread = scores.misreadFirst().stream().filter(v -> !v.correct()).toList();
        if (args.has("json")) {
            List<Map<String, Object>> wrong = misread.stream().map(v -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", images.images().get(v.index()).name());
                m.put("label", v.actual());
                m.put("predicted", v.predicted());
                m.put("confidence", v.confidence());
                return m;
            }).toList();
            out.println(Json.object().put("images", scores.count()).put("right", scores.right())
                    .put("accuracy", scores.accuracy()).put("misread", wrong).put("skipped", images.skipped()));
        } else {
            for (String skipped : images.skipped()) err.println("skipped " + skipped);
            if (scores.count() == 0) {
                err.println("mnist-lab evaluate: " + folder + ": no image could be read");
                return Cli.FAILED;
            }
            out.printf(Locale.ROOT, "%s on %,d images in %s: accuracy %.2f%% (%,d read right)%n",
                    model.spec().architecture(), scores.count(), folder, 100 * scores.accuracy(), scores.right());
            if (!misread.isEmpty()) {
                out.println();
                out.printf(Locale.ROOT, "Misread (%,d), most confident first:%n", misread.size());
                for (Verdict v : misread) {
                    out.printf(Locale.ROOT, "  %s: labelled %d, read as %d (%.3f)%n", images.images().get(v.index()).name(),
                            v.actual(), v.predicted(), v.confidence());
                }
            }
        }
        return images.skipped().isEmpty() && scores.count() > 0 ? Cli.OK : Cli.FAILED;
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
