package org.mnistlab.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mnistlab.Quoted;

/**
 * A parsed command line: {@code --name value} options, {@code --flag} switches and positional
 * arguments. Each command states which options and switches it knows; anything else is an error,
 * with a "did you mean" for a near miss ({@code -lr}, {@code --lrr}).
 *
 * <p>Numbers follow one rule for every option: ASCII digits (no Arabic-Indic or full-width ones,
 * which {@code Integer.parseInt} would take), an optional sign, and underscores between digits as
 * in Python ({@code 10_000}).
 */
public final class CliArgs {
    private static final String DIGITS = "[0-9]+(?:_[0-9]+)*";
    private static final Pattern WHOLE = Pattern.compile("[+-]?" + DIGITS);
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?[0-9]+)?");

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final Set<String> switches = new HashSet<>();

    /**
     * @param valued options that take a value (without "--")
     * @param flags options that take none
     */
    public static CliArgs parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.length() > 1 && arg.startsWith("-") && !arg.startsWith("--") && !DECIMAL.matcher(arg).matches()) {
                String name = arg.substring(1).split("=", 2)[0];
                String hint = valued.contains(name) || flags.contains(name) ? "--" + name : suggestion(name, valued, flags);
                throw new UsageException("unknown option " + Quoted.of(arg) + "; options start with two dashes"
                        + (hint == null ? "" : ": did you mean " + hint + "?"));
            }
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
            if (flags.contains(name)) {
                if (inlineValue != null) {
                    throw new UsageException("--" + name + " is a switch and takes no value; write --" + name + " alone");
                }
                parsed.switches.add(name);
            } else if (valued.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException("--" + name + " needs a value");
                    value = args.get(++i);
                }
                parsed.options.put(name, value);
            } else {
                String hint = suggestion(name, valued, flags);
                throw new UsageException("unknown option " + Quoted.of("--" + name) + " for '" + command + "'"
                        + (hint == null ? "" : "; did you mean " + hint + "?")
                        + " (see java -jar mnist-lab.jar " + command + " --help)");
            }
        }
        return parsed;
    }

    /** The known option nearest to {@code name} (a typo of one or two letters, or a prefix), or null. */
    private static String suggestion(String name, Set<String> valued, Set<String> flags) {
        Set<String> known = new HashSet<>(valued);
        known.addAll(flags);
        return known.stream()
                .filter(k -> distance(k, name) <= Math.max(1, Math.min(2, k.length() / 3))
                        || (name.length() >= 2 && k.startsWith(name)))
                .min(Comparator.comparingInt((String k) -> distance(k, name)).thenComparing(k -> k))
                .map(k -> "--" + k).orElse(null);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public boolean has(String name) {
        return options.containsKey(name) || switches.contains(name);
    }

    public String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** The option as a path, or null when it is not given. */
    public Path path(String name) {
        String value = options.get(name);
        if (value == null) return null;
        if (value.isBlank()) throw new UsageException("--" + name + " needs a file or folder name");
        try {
            return toPath(value);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + ": " + unusableName(value, e));
        }
    }

    static Path toPath(String value) {
        return Path.of(value);
    }

    /**
     * Why a name cannot be a path here. Most often the locale: under {@code LC_ALL=C} Java can only
     * name files in ASCII, and a non-ASCII name arrives already garbled, so it cannot be read at all.
     */
    static String unusableName(String value, InvalidPathException e) {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        boolean ascii = value.chars().allMatch(c -> c < 128);
        if (!ascii && !encoding.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            return "the name " + Quoted.of(value) + " has non-ASCII letters, which this system's locale ("
                    + encoding + ") cannot pass to Java; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
        }
        if (value.indexOf('\0') >= 0) return "the name " + Quoted.of(value.replace('\0', '?')) + " contains a NUL character";
        return "the name " + Quoted.of(value) + " is not a valid file name here (" + e.getReason() + ")";
    }

    public int integer(String name, int fallback) {
        return parsed(name, fallback, CliArgs::parseWhole, "a whole number");
    }

    public long longInteger(String name, long fallback) {
        return parsed(name, fallback, CliArgs::parseLong, "a whole number");
    }

    public double number(String name, double fallback) {
        return parsed(name, fallback, value -> {
            if (!DECIMAL.matcher(value).matches()) throw new NumberFormatException(value);
            double d = Double.parseDouble(value.replace("_", ""));
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        }, "a finite number");
    }

    /** A whole number by the rule above; NumberFormatException otherwise. */
    static int parseWhole(String value) {
        if (!WHOLE.matcher(value).matches()) throw new NumberFormatException(value);
        return Integer.parseInt(value.replace("_", ""));
    }

    private static long parseLong(String value) {
        if (!WHOLE.matcher(value).matches()) throw new NumberFormatException(value);
        return Long.parseLong(value.replace("_", ""));
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
            throw new UsageException("--" + name + ": " + Quoted.of(value) + " is not " + expected);
        }
    }

    public List<String> positionals() {
        return positionals;
    }
}
