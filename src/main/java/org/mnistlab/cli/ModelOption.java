package org.mnistlab.cli;

import java.nio.file.Path;

/** {@code --model FILE}: the saved model that {@code evaluate} judges and {@code predict} reads with. */
final class ModelOption {
    static final String NAME = "model";
    static final String HELP = """
              --model FILE          a model saved by train --out or by the lab window
            """;

    private ModelOption() {}

    /** The model file named on the command line; a usage error when none is. */
    static Path required(CliArgs args) {
        if (!args.has(NAME)) throw new UsageException("--model FILE is required");
        return args.path(NAME);
    }
}
