package org.mnistlab.cli;

import java.util.Set;
import org.mnistlab.data.MnistData;
import org.mnistlab.data.MnistLoader;

/** {@code --data DIR} and {@code --limit N}: which MNIST to use, and how much of its training half. */
final class DataOptions {
    static final Set<String> NAMES = Set.of("data", "limit");
    static final String HELP = """
              --data DIR            MNIST folder (the four IDX files, raw or .gz); default: bundled copy
              --limit N             use only the first N training images (quick experiments)
            """;

    private DataOptions() {}

    static MnistData load(CliArgs args) {
        MnistData data = MnistLoader.load(args.path("data"));
        int limit = args.integer("limit", 0);
        if (limit < 0) throw new UsageException("--limit: must be positive, was " + limit);
        if (limit > 0) return new MnistData(data.train().first(limit), data.test());
        return data;
    }
}
