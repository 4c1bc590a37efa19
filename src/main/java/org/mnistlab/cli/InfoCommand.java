package org.mnistlab.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import org.mnistlab.backend.BackendInfo;

/** {@code info}: which ND4J backend, device and thread settings this machine gives the engine. */
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "show the compute backend (CPU or GPU), device, memory and threads";
    }

    @Override
    public String usage() {
        return "Usage: java -jar mnist-lab.jar info [--json]\n";
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        BackendInfo info = BackendInfo.current();
        if (args.has("json")) {
            out.println(Json.object().put("backend", info.backend()).put("device", info.device())
                    .put("memory_bytes", info.memoryBytes()).put("threads", info.threads())
                    .put("blas", info.blas()).put("gpu_fallback", info.fallbackReason())
                    .put("java_heap_max_bytes", Runtime.getRuntime().maxMemory())
                    .put("jvm_options", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        } else {
            out.println("Backend: " + info.backend());
            out.println("Device:  " + info.device());
            out.println("Memory:  " + info.memoryBytes() / (1 << 20) + " MB");
            out.println("Threads: " + info.threads());
            out.println("BLAS:    " + info.blas());
            out.println("Java:    " + System.getProperty("java.version") + ", heap up to "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
            if (!info.fallbackReason().isEmpty()) out.println("Note:    " + info.fallbackReason());
        }
        return Cli.OK;
    }
}
