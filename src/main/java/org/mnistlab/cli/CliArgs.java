package org.mnistlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed command line: {@code --name value} options, {@code --flag} switches and positional
 * arguments. Each command states which options and switches it knows; anything else is an error.
 */
public final class CliArgs {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final java.util.Set<String> switches = new java.util.HashSet<>();

    /**
     * @param valued options that take a value (without "--")
     * @param flags options that take none
     */
    public static CliArgs parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                parsed.positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && inlineValue == null) {
                parsed.switches.add(name);
            } else if (valued.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException("--" + name + " needs a value");
                    value = args.get(++i);
                }
                parsed.options.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name + " for '" + command
                        + "' (see java -jar mnist-lab.jar " + command + " --help)");
            }
        }
        return parsed;
    }

    public boolean has(String name) {
        return options.containsKey(name) || switches.contains(name);
    }

    public String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public Path path(String name) {
        String value = options.get(name);
        return value == null ? null : Path.of(value);
    }

    /** Underscores are ignored ({@code --limit 10_000}); {@link #longInteger} does not ignore them. */
    public int integer(String name, int fallback) {
        return parsed(name, fallback, value -> Integer.parseInt(value.replace("_", "")), "a whole number");
    }

    public long longInteger(String name, long fallback) {
        return parsed(name, fallback, Long::parseLong, "a whole number");
    }

    public double number(String name, double fallback) {
        return parsed(name, fallback, value -> {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        }, "a finite number");
    }

    /**
     * The option's value, trimmed and read by {@code parse}, or {@code fallback} when it is not
     * given. A {@link NumberFormatException} from {@code parse} becomes a usage error saying the
     * value is not {@code expected}.
     */
    private <T> T parsed(String name, T fallback, Function<String, T> parse, String expected) {
        String value = options.get(name);
        if (value == null) return fallback;
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + value + "' is not " + expected);
        }
    }

    public List<String> positionals() {
        return positionals;
    }
}
