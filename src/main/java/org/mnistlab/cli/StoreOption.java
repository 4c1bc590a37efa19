package org.mnistlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.mnistlab.runs.RunStore;

/** {@code --store FILE}: which run store {@code runs} and {@code train} use. */
final class StoreOption {
    static final String NAME = "store";
    static final String HELP = """
              --store FILE          the run store; default: runs.db in the lab's data folder
            """;

    private StoreOption() {}

    static Path file(CliArgs args) {
        Path given = args.path(NAME);
        return given != null ? given : RunStore.defaultFile();
    }

    /** Opens the store, saying on {@code err} what opening it had to do (a foreign file moved aside). */
    static RunStore open(CliArgs args, String command, PrintStream err) {
        RunStore store = RunStore.open(file(args));
        if (!store.notice().isEmpty()) err.println("mnist-lab " + command + ": " + store.notice());
        return store;
    }
}
