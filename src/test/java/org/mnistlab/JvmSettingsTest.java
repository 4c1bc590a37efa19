package org.mnistlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistlab.network.SpecJson;
import org.mnistlab.testing.ChildJvm;
import org.nd4j.shade.jackson.databind.JsonNode;

class JvmSettingsTest {

    @Test
    void aLabStartedWithoutAHeapBoundRunsWithTheLabsSettings() throws Exception {
        try (ChildJvm child = ChildJvm.start(Map.of(), List.of(), Main.class, List.of("info", "--json"))) {
            String output = child.outputToTheEnd(120);
            assertEquals(0, child.awaitExit(30_000), output);
            JsonNode info = SpecJson.MAPPER.readTree(output.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
            List<String> options = new ArrayList<>();
            info.get("jvm_options").forEach(o -> options.add(o.asText()));
            assertTrue(options.containsAll(JvmSettings.OPTIONS), options.toString());
            assertEquals(768L << 20, info.get("java_heap_max_bytes").asLong());
        }
    }

    @Test
    void aUsersOwnHeapBoundWinsAndNoRelaunchHappens() throws Exception {
        try (ChildJvm child = ChildJvm.start(Map.of(), List.of("-Xmx700m"), Main.class, List.of("info", "--json"))) {
            String output = child.outputToTheEnd(120);
            JsonNode info = SpecJson.MAPPER.readTree(output.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
            assertFalse(info.get("jvm_options").toString().contains(JvmSettings.RELAUNCHED), output);
            assertTrue(info.get("java_heap_max_bytes").asLong() <= 700L << 20, output);
        }
    }

    @Test
    void theUsersOwnCollectorReplacesOursInsteadOfClashingWithIt() {
        List<String> options = JvmSettings.optionsBeside(List.of("-XX:+UseSerialGC"));
        assertFalse(options.stream().anyMatch(o -> o.contains("G1")), options.toString());
        assertTrue(options.contains("-Xmx768m"));
        assertTrue(JvmSettings.hasHeapBound(List.of("-XX:MaxRAMPercentage=25")));
    }

    @Test
    void thePackagedAppsLauncherPassesTheSameSettings() throws Exception {
        List<String> packaged = Files.readAllLines(Path.of("packaging/jpackage-app-image.txt")).stream()
                .filter(l -> l.startsWith("--java-options ")).map(l -> l.substring("--java-options ".length())).toList();
        assertEquals(JvmSettings.OPTIONS, packaged);
    }
}
