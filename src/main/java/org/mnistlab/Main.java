package org.mnistlab;

import java.util.Arrays;
import java.util.List;
import org.mnistlab.backend.Logging;
import org.mnistlab.cli.Cli;

/**
 * Entry point: no arguments (or only {@code --verbose}, which logs what ND4J, DL4J and the window
 * report, with stack traces) opens the lab window; a command runs headless.
 *
 * <p>Deliberately not a JavaFX {@code Application}: the JavaFX launcher refuses to start an
 * Application subclass from the class path, and the CLI must run without JavaFX ever loading.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Integer relaunched = JvmSettings.relaunchIfNeeded(args);
        if (relaunched != null) System.exit(relaunched);
        Logging.configure(Arrays.asList(args).contains("--verbose"));
        if (args.length == 0 || List.of(args).equals(List.of("--verbose"))) {
            try {
                org.mnistlab.ui.LabApp.launchWindow(new String[0]);
            } catch (RuntimeException e) {
                // No display, or no GTK 3 on Linux: say so in one line instead of a JavaFX stack trace.
                System.err.println("mnist-lab: cannot open the window (" + e.getMessage() + "). Is a display "
                        + "available? The headless commands still work: java -jar mnist-lab.jar --help");
                System.exit(1);
            }
            // The window is gone: end here, whatever threads ND4J or a run may still hold.
            System.exit(0);
        }
        int code = new Cli().run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
