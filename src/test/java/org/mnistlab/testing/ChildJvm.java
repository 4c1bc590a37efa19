package org.mnistlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second JVM running a {@code main} from the test classpath, for what one process cannot test
 * on itself: being killed, or exiting. Its output is read line by line as it comes.
 */
public final class ChildJvm implements AutoCloseable {
    private static final String END = "\u0000end";
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // The child was killed; what it printed before is already queued.
            }
            lines.add(END);
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} of {@code mainClass} with the test classpath, -Xmx1g, and the system
     * properties given as {@code -Dname=value} in {@code jvmOptions} (e.g. Monocle's).
     */
    public static ChildJvm start(Class<?> mainClass, String argument, String... jvmOptions) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx1g"));
        options.addAll(List.of(jvmOptions));
        return start(Map.of(), options, mainClass, List.of(argument));
    }

    /**
     * As above, with {@code environment} added to the child's, any number of arguments, and exactly
     * {@code jvmOptions} (no -Xmx unless given).
     */
    public static ChildJvm start(Map<String, String> environment, List<String> jvmOptions, Class<?> mainClass,
            List<String> arguments) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String runStore = System.getProperty(org.mnistlab.runs.RunStore.FILE_PROPERTY);
        if (runStore != null) command.add("-D" + org.mnistlab.runs.RunStore.FILE_PROPERTY + "=" + runStore); // never the user's own store
        command.addAll(jvmOptions);
        command.add(mainClass.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start());
    }

    /** Waits for a line equal to {@code expected}; fails with everything printed so far if it does not come. */
    public void awaitLine(String expected, long timeoutSeconds) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new TimeoutException((line == null ? "no '" : "the child ended before '") + expected
                        + "'; it printed: " + String.join("\n", seen));
            }
            seen.add(line);
            if (line.equals(expected)) return;
        }
    }

    /** Polls {@code probe} until it returns non-null, while the child runs. */
    public <T> T awaitCondition(long timeoutSeconds, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline && process.isAlive()) {
            T value = probe.call();
            if (value != null) return value;
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // a poll interval, not a synchronisation
        }
        throw new TimeoutException("condition not met; the child printed: " + String.join("\n", seen));
    }

    /** Waits up to {@code timeoutMillis} for the child to exit on its own; its exit code, or null if it did not. */
    public Integer awaitExit(long timeoutMillis) throws InterruptedException {
        return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Everything the child printed, once its output has ended (it exited); fails after the timeout. */
    public String outputToTheEnd(long timeoutSeconds) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) throw new TimeoutException("output did not end; so far: " + String.join("\n", seen));
            if (line.equals(END)) return String.join("\n", seen);
            seen.add(line);
        }
    }

    /** Everything the child printed so far, for failure messages. */
    public String output() {
        List<String> all = new ArrayList<>(seen);
        lines.drainTo(all);
        all.remove(END);
        seen.clear();
        seen.addAll(all);
        return String.join("\n", all);
    }

    /** As {@code kill -9}: no shutdown hooks, no finally blocks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** As {@code kill} (SIGTERM) or Ctrl+C: shutdown hooks run. The exit code, once it has exited. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
