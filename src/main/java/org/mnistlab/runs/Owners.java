package org.mnistlab.runs;

import java.time.Instant;
import java.util.Optional;

/**
 * Which process is recording a running run, written as {@code pid:start-millis}. A run whose
 * process is gone was interrupted; the start time tells a reused process id from the original.
 */
final class Owners {
    private static final String CURRENT = describe(ProcessHandle.current());

    private Owners() {}

    static String current() {
        return CURRENT;
    }

    static boolean alive(String owner) {
        if (owner == null) return false;
        if (owner.equals(CURRENT)) return true;
        int colon = owner.indexOf(':');
        try {
            long pid = Long.parseLong(colon < 0 ? owner : owner.substring(0, colon));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isPresent() && process.get().isAlive() && describe(process.get()).equals(owner);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + ":" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
