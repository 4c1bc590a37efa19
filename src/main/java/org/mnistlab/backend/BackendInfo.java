package org.mnistlab.backend;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J is running on, for the status bar and the {@code info} command.
 *
 * @param backend "CPU" or "CUDA"
 * @param device the processor or GPU model
 * @param memoryBytes memory available to the backend (JVM max heap on CPU, device memory on GPU)
 */
public record BackendInfo(String backend, String device, long memoryBytes, int threads, String blas,
        String fallbackReason) {

    /** The CUDA backend's class: on the class path only in a {@code -Pgpu} build. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** Asks ND4J; loads the native backend if that has not happened yet. */
    public static BackendInfo current() {
        // JavaCPP's Pointer first, before ND4J loads any native library. Loading one holds JavaCPP's
        // Loader and then needs Pointer; Pointer's own start-up needs the Loader. A thread starting
        // Pointer meanwhile (the window asking how much memory is free) deadlocked with this one.
        Pointer.maxPhysicalBytes();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backendName = String.valueOf(env.getOrDefault("backend", "CPU"));
        boolean cuda = backendName.toUpperCase().contains("CUDA");
        String device = cpuName();
        long memory = Runtime.getRuntime().maxMemory();
        if (cuda) {
            Object devices = env.get("cuda.devicesInformation");
            if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                device = String.valueOf(first.get("cuda.deviceName"));
                Object total = first.get("cuda.totalMemory");
                if (total instanceof Number n) memory = n.longValue();
            }
        }
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        String blas = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        return new BackendInfo(cuda ? "CUDA" : "CPU", device, memory, threads, blas,
                fallbackReason(cuda, isOnClassPath(CUDA_BACKEND_CLASS)));
    }

    /**
     * Why a GPU build runs on the CPU, or "" when it doesn't: ND4J silently skips a backend that
     * fails to load, so the app has to notice and say it.
     */
    static String fallbackReason(boolean cudaActive, boolean cudaBuilt) {
        if (cudaActive || !cudaBuilt) return "";
        return "This is a GPU build, but the CUDA backend could not start (no NVIDIA GPU, driver or "
                + "CUDA 11.6 libraries found), so training runs on the CPU.";
    }

    private static boolean isOnClassPath(String className) {
        try {
            Class.forName(className, false, BackendInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** "CPU · 2 threads" or "CUDA · NVIDIA H100 (80 GB)". */
    public String shortText() {
        if ("CUDA".equals(backend)) {
            return "GPU (CUDA) · " + device + " (" + memoryBytes / (1L << 30) + " GB)";
        }
        return "CPU · " + threads + (threads == 1 ? " thread" : " threads")
                + (fallbackReason.isEmpty() ? "" : " (GPU unavailable)");
    }

    private static String cpuName() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (Exception ignored) {
            // Not Linux, or no /proc: fall back to what the JVM knows.
        }
        return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }
}
