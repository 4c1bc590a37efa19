package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.mnistlab.drawing.PngPictures;
import org.mnistlab.inspection.UnitWeights;
import org.mnistlab.inspection.WeightGrid;
import org.mnistlab.network.TrainedModel;
import org.mnistlab.storage.ModelFile;

/** {@code weights}: the first layer's weights of a saved model as a grid of 28×28 pictures. */
final class WeightsCommand implements Command {
    @Override
    public String name() {
        return "weights";
    }

    @Override
    public String summary() {
        return "draw a saved model's first-layer weights as pictures (PNG)";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar mnist-lab.jar weights --model FILE --out FILE.png [--max-units N] [--json]

                  Each unit of the first hidden layer looks at all 784 pixels; its incoming weights
                  are drawn as a 28×28 picture: red where ink excites it, blue where ink inhibits
                  it, white for 0, each unit on its own scale. A network without hidden layers
                  (784-10) shows its 10 output units, one template per digit.
                """ + ModelOption.HELP + """
                  --out FILE.png        the picture to write
                  --max-units N         draw at most the first N units (default and most: 1024)
                  --json                one JSON object: file, units, shown, output_templates
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of(ModelOption.NAME, "out", "max-units");
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        Path modelFile = ModelOption.required(args);
        if (!args.has("out")) throw new UsageException("--out FILE.png is required");
        int maxUnits = args.integer("max-units", WeightGrid.MAX_UNITS);
        if (maxUnits < 1 || maxUnits > WeightGrid.MAX_UNITS) {
            throw new UsageException("--max-units: must be between 1 and " + WeightGrid.MAX_UNITS + ", was " + maxUnits);
        }
        Path target = args.path("out");
        TrainedModel model = ModelFile.load(modelFile);
        WeightGrid grid = WeightGrid.of(model, maxUnits);
        List<int[]> tiles = grid.units().stream().map(UnitWeights::argb).toList();
        int scale = grid.shown() <= 100 ? 3 : grid.shown() <= 400 ? 2 : 1;
        String caption = model.spec().architecture() + " · " + grid.caption()
                + " · red: ink excites, blue: ink inhibits, white: 0";
        OutputFiles.write(target, temp -> PngPictures.writeTileSheet(tiles, 28, scale, caption, temp));
        if (args.has("json")) {
            out.println(Json.object().put("file", target.toString()).put("units", grid.totalUnits())
                    .put("shown", grid.shown()).put("output_templates", grid.outputTemplates()));
        } else {
            out.println(target + ": " + grid.caption());
        }
        return Cli.OK;
    }
}
