package org.mnistlab.cli;

import java.util.Set;
import org.mnistlab.data.MnistData;
import org.mnistlab.data.MnistLoader;

/** {@code --data DIR} and {@code --limit N}: which MNIST to use, and how much of its training half. */
final class DataOptions {
    static final Set<String> NAMES = Set.of("data", "limit");
    static final String HELP = """
              --data DIR            MNIST folder (the four IDX files, raw or .gz); default: bundled copy
              --limit N             use only the first N training images (quick experiments);
                                    N >= 1, leave it out for all of them
            """;

    private DataOptions() {}

    static MnistData load(CliArgs args) {
        MnistData data = MnistLoader.load(args.path("data"));
        if (!args.has("limit")) return data;
        int limit = args.integer("limit", 0);
        // 0 once meant "all"; a careful user reads --limit 0 as "none", so it is refused rather than guessed.
        if (limit < 1) {
            throw new UsageException("--limit: " + limit + " is not at least 1 (leave --limit out to use all "
                    + "the training images)");
        }
        return new MnistData(data.train().first(limit), data.test());
    }
}
