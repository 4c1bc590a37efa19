package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.mnistlab.Quoted;
import org.mnistlab.drawing.BlankImageException;
import org.mnistlab.drawing.DigitPreprocessor;
import org.mnistlab.drawing.ImageFiles;
import org.mnistlab.drawing.ImageInputException;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;

/** {@code predict}: reads digits from image files, the same way the drawing pad does. */
final class PredictCommand implements Command {
    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "read the digit in PNG/JPEG images with a saved model";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar mnist-lab.jar predict --model FILE [--json] IMAGE...

                  Images may be any size, white ink on black or black ink on white; each is cropped
                  to its ink, scaled to 20 px and centred by mass in 28×28, as MNIST was made.
                """ + ModelOption.HELP + """
                  --json                one JSON object per image: file, digit, probabilities
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of(ModelOption.NAME);
    }

    @Override
    public boolean takesArguments() {
        return true;
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        Path modelFile = ModelOption.required(args);
        if (args.positionals().isEmpty()) throw new UsageException("name at least one image file");
        TrainedModel model = ModelFile.load(modelFile);
        boolean json = args.has("json");
        int failures = 0;
        for (String file : args.positionals()) {
            try {
                float[] p = model.probabilities(DigitPreprocessor.toMnist(ImageFiles.read(imagePath(file))));
                int digit = TrainedModel.argMax(p);
                out.println(json
                        ? Json.object().put("file", file).put("digit", digit).put("probabilities", p).toString()
                        : String.format(Locale.ROOT, "%s: %d (%.3f)", file, digit, p[digit]));
            } catch (BlankImageException e) {
                failures++;
                // The preprocessor never sees the file's name; ImageFiles' own messages start with it.
                report(file, file + ": " + e.getMessage(), json, out, err);
            } catch (ImageInputException e) {
                failures++;
                report(file, e.getMessage(), json, out, err);
            }
        }
        return failures == 0 ? Cli.OK : Cli.FAILED;
    }

    private static Path imagePath(String file) {
        if (file.isBlank()) throw new ImageInputException("'': an image file needs a name");
        try {
            return CliArgs.toPath(file);
        } catch (InvalidPathException e) {
            throw new ImageInputException(Quoted.of(file) + ": " + CliArgs.unusableName(file, e));
        }
    }

    private static void report(String file, String problem, boolean json, PrintStream out, PrintStream err) {
        if (json) {
            out.println(Json.object().put("file", file).put("error", problem));
        } else {
            err.println(problem);
        }
    }
}
