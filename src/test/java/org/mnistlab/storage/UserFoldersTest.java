package org.mnistlab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFoldersTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertEquals(Path.of("/data/mnist-lab"), UserFolders.dataFolder("Linux", Map.of("XDG_DATA_HOME", "/data"), HOME));
        assertEquals(Path.of("/home/ada/.local/share/mnist-lab"), UserFolders.dataFolder("Linux", Map.of(), HOME));
        assertEquals(Path.of("/home/ada/.local/share/mnist-lab"),
                UserFolders.dataFolder("Linux", Map.of("XDG_DATA_HOME", "relative"), HOME), "XDG requires an absolute path");
    }

    @Test
    void macAndWindowsUseTheirApplicationDataFolders() {
        assertEquals(HOME.resolve("Library/Application Support/MNIST Lab"), UserFolders.dataFolder("Mac OS X", Map.of(), HOME));
        assertEquals(Path.of("C:/Users/ada/AppData/Roaming").resolve("MNIST Lab"),
                UserFolders.dataFolder("Windows 11", Map.of("APPDATA", "C:/Users/ada/AppData/Roaming"), HOME));
    }
}
