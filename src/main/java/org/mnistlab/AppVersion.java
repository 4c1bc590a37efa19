package org.mnistlab;

/**
 * The version of MNIST Lab that is running, as a stored run records it. The jar's manifest
 * carries it (Maven's Implementation-Version); run from the build's classes it is unknown.
 */
public final class AppVersion {
    /** What a run started outside a built jar (from an IDE, in the tests) records. */
    public static final String DEVELOPMENT = "development build";

    private AppVersion() {}

    public static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? DEVELOPMENT : version;
    }
}
