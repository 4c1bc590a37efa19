package org.mnistlab.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the user's own files (saved models, exports) go: the platform's per-user data folder,
 * never the installation folder, which a packaged app may not be allowed to write to.
 */
public final class UserFolders {
    static final String APP_FOLDER = "MNIST Lab";

    private UserFolders() {}

    public static Path dataFolder() {
        return dataFolder(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Linux: $XDG_DATA_HOME/mnist-lab or ~/.local/share/mnist-lab; macOS: ~/Library/Application Support; Windows: %APPDATA%. */
    static Path dataFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData))
                    .resolve(APP_FOLDER);
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP_FOLDER);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute()
                ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("mnist-lab");
    }

    /** Saved models live here. */
    public static Path modelsFolder() {
        return dataFolder().resolve("models");
    }
}
