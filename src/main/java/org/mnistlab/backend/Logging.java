package org.mnistlab.backend;

/**
 * Keeps ND4J's start-up banner and DL4J's INFO lines off the CLI's output unless asked for.
 *
 * <p>slf4j-simple reads its level once, when the first logger is made, so this must run before
 * anything touches ND4J or DL4J.
 */
public final class Logging {
    private Logging() {}

    public static void configure(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        } else {
            setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
