package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.Set;

/** One CLI command. {@link Cli} parses its options, runs it, and turns exceptions into exit codes. */
interface Command {
    String name();

    /** One line for the overview in {@code --help}. */
    String summary();

    /** The full usage text for {@code COMMAND --help}. */
    String usage();

    /** Options that take a value (without "--"); none unless the command says so. */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /** Options that take no value; every command can print JSON. */
    default Set<String> flags() {
        return Set.of("json");
    }

    /** Whether it reads arguments besides options (predict's image files); a stray word is an error otherwise. */
    default boolean takesArguments() {
        return false;
    }

    /** @return the exit code */
    int run(CliArgs args, PrintStream out, PrintStream err);
}
