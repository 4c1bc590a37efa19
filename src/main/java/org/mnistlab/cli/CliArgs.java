package org.mnistlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public int integer(String name, int fallback) {
        String value = options.get(name);
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + value + "' is not a whole number");
        }
    }

    public long longInteger(String name, long fallback) {
        String value = options.get(name);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + value + "' is not a whole number");
        }
    }

    public double number(String name, double fallback) {
        String value = options.get(name);
        if (value == null) return fallback;
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + value + "' is not a finite number");
        }
    }

    public List<String> positionals() {
        return positionals;
    }
}
