package org.mnistlab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory settings the lab runs with, declared once, and the relaunch that gives them to
 * {@code java -jar mnist-lab.jar}.
 *
 * <p>With no {@code -Xmx}, Java may grow its heap to a quarter of the machine (6 GB on 24 GB), and
 * it does: ND4J's arrays are freed only when the small Java objects that own them are collected,
 * so the heap fills with garbage before a collection runs, and the resident size of a long
 * {@code train} or a window used for an afternoon climbs to gigabytes. A jar cannot carry JVM
 * options, so {@link Main} starts a second JVM with these and waits for it; the packaged app's
 * launcher passes the same ones ({@code packaging/jpackage-app-image.txt}, checked by a test).
 *
 * <p>A user's own {@code -Xmx} (on the command line or in {@code JAVA_TOOL_OPTIONS}) wins: no
 * relaunch then. {@code MNISTLAB_NO_RELAUNCH=1} turns the relaunch off.
 */
public final class JvmSettings {
    /**
     * 768 MB of heap is far more than the lab keeps alive (MNIST's pixels are 55 MB; the window's
     * runs a few MB each). ND4J's arrays are freed only once the small Java objects that own them
     * are collected, and many of those live long enough to reach the old generation, which G1 only
     * marks once it is {@code InitiatingHeapOccupancyPercent} full: a fixed 30 % (not G1's adaptive
     * guess) reclaims them early. The free ratios return unused heap after a collection, and the
     * periodic collection does so for an idle window. JavaCPP's own limits are lifted: they default
     * to multiples of the heap bound and would cap a large network; the memory estimate guards it.
     */
    public static final List<String> OPTIONS = List.of(
            "-Xmx768m",
            "-XX:+UseG1GC",
            "-XX:-G1UseAdaptiveIHOP",
            "-XX:InitiatingHeapOccupancyPercent=30",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:G1PeriodicGCInterval=10000",
            "-Dorg.bytedeco.javacpp.maxBytes=0",
            "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");

    /** Set in the relaunched JVM, so it does not relaunch again. */
    static final String RELAUNCHED = "mnistlab.relaunched";

    private JvmSettings() {}

    /**
     * Runs the lab in a JVM with {@link #OPTIONS} when this one was started without a heap bound.
     *
     * @return the relaunched lab's exit code, or null when this JVM should run the lab itself
     */
    static Integer relaunchIfNeeded(String[] args) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Boolean.getBoolean(RELAUNCHED) || System.getenv("MNISTLAB_NO_RELAUNCH") != null
                || hasHeapBound(jvmArguments) || !Files.isExecutable(java) || garbledByTheLocale(args)) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(optionsBeside(jvmArguments));
        command.addAll(jvmArguments); // the user's own -D and -X options still apply
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return null; // run here, with Java's defaults, rather than not at all
        }
        // kill PID or a service stop reaches only this JVM: pass it on, and wait for the lab to clean up.
        Thread forward = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "mnistlab-relaunch-forward");
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException shuttingDown) {
                // kill PID: this JVM is already shutting down, the hook has run and the lab has ended.
            }
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Under a non-UTF-8 locale a non-ASCII argument arrives garbled, and passing it on would turn
     * it into plain question marks ("??/m.zip: not found"); run here, where the CLI can say why.
     */
    private static boolean garbledByTheLocale(String[] args) {
        return !"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", ""))
                && java.util.Arrays.stream(args).anyMatch(a -> a.chars().anyMatch(c -> c >= 128));
    }

    private static boolean isAboutG1(String option) {
        return option.matches("-XX:\\+Use\\w+GC") || option.contains("G1") || option.contains("InitiatingHeap");
    }

    static boolean hasHeapBound(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAM"));
    }

    /** {@link #OPTIONS}, less a collector when the user chose another one (two would not start). */
    static List<String> optionsBeside(List<String> jvmArguments) {
        boolean ownCollector = jvmArguments.stream().anyMatch(a -> a.matches("-XX:\\+Use\\w+GC"));
        return OPTIONS.stream().filter(o -> !(ownCollector && isAboutG1(o))).toList();
    }
}
