package org.mnistlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mnistlab.LabException;
import org.mnistlab.Quoted;
import org.mnistlab.network.InvalidSpecException;

/** Dispatches {@code java -jar mnist-lab.jar COMMAND …} and maps failures to exit codes and one line. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli() {
        for (Command c : List.of(new TrainCommand(), new EvaluateCommand(), new PredictCommand(),
                new BenchCommand(), new InfoCommand(), new RunsCommand(), new WeightsCommand(), new LrFindCommand())) {
            commands.put(c.name(), c);
        }
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            out.print(overview());
            return OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("mnist-lab: unknown command '" + args[0] + "'; commands are "
                    + String.join(", ", commands.keySet()) + " (see --help)");
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.stream().anyMatch(Cli::isHelp)) {
            out.print(command.usage());
            return OK;
        }
        try {
            Set<String> flags = new HashSet<>(command.flags());
            flags.add("verbose");
            CliArgs parsed = CliArgs.parse(command.name(), rest, command.valuedOptions(), flags);
            if (!command.takesArguments() && !parsed.positionals().isEmpty()) {
                throw new UsageException("unexpected argument " + Quoted.of(parsed.positionals().get(0)) + "; "
                        + command.name() + " takes only options (see java -jar mnist-lab.jar " + command.name()
                        + " --help)");
            }
            int code = command.run(parsed, out, err);
            return outputLost(out) ? failedToWrite(command, err) : code;
        } catch (UsageException | InvalidSpecException e) {
            err.println("mnist-lab " + command.name() + ": " + e.getMessage());
            return USAGE;
        } catch (LabException e) {
            err.println("mnist-lab " + command.name() + ": " + e.getMessage());
            return FAILED;
        } catch (OutOfMemoryError e) {
            err.println("mnist-lab " + command.name() + ": out of memory; try a smaller network or batch, "
                    + "or give Java more memory (java -Xmx8g -jar …)");
            return FAILED;
        }
    }

    /** True when writing to {@code out} failed (a full disk, a closed pipe): PrintStream keeps that quiet. */
    private static boolean outputLost(PrintStream out) {
        return out.checkError();
    }

    private static int failedToWrite(Command command, PrintStream err) {
        err.println("mnist-lab " + command.name() + ": could not write the output (standard output is full "
                + "or closed); what was printed is incomplete");
        return FAILED;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private String overview() {
        StringBuilder text = new StringBuilder("""
                MNIST Lab: design, train and inspect neural networks on MNIST.

                Usage: java -jar mnist-lab.jar                  open the lab window
                       java -jar mnist-lab.jar COMMAND [options] run headless

                Commands:
                """);
        commands.values().forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        text.append("""

                Every command takes --verbose (show ND4J/DL4J logging) and --help.
                Example: java -jar mnist-lab.jar train --layers 64,32 --lr 0.05 --epochs 1 --out m.zip
                """);
        return text.toString();
    }
}
