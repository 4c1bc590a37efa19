package org.mnistlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnistlab.testing.ChildJvm;

class BackendInfoTest {

    @Test
    void thisCpuBuildReportsTheCpuBackendWithoutAFallbackNotice() {
        BackendInfo info = BackendInfo.current();
        assertEquals("CPU", info.backend());
        assertTrue(info.threads() >= 1);
        assertEquals("", info.fallbackReason(), "a CPU-only build has no GPU to fall back from");
        assertTrue(info.shortText().startsWith("CPU · "), info.shortText());
    }

    @Test
    void gpuBuildRunningOnTheCpuSaysSo() {
        String reason = BackendInfo.fallbackReason(false, true);
        assertTrue(reason.contains("GPU build") && reason.contains("runs on the CPU"), reason);
        BackendInfo fellBack = new BackendInfo("CPU", "x86", 1L << 30, 2, "OPENBLAS", reason);
        assertTrue(fellBack.shortText().endsWith("(GPU unavailable)"), fellBack.shortText());
        assertFalse(BackendInfo.fallbackReason(true, true).length() > 0, "CUDA active: nothing to report");
    }

    /**
     * The window probes the backend on a background thread while the FX thread may ask JavaCPP
     * for free memory; the two used to initialise JavaCPP's classes in opposite orders and hang.
     */
    @Test
    void probeStartingWhileAnotherThreadInitialisesJavaCppDoesNotDeadlock() throws Exception {
        try (ChildJvm child = ChildJvm.start(ProbeDuringPointerStart.class, "")) {
            child.awaitLine("both finished", 180);
        }
    }
}
