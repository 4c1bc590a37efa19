package org.mnistlab.backend;

import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many CPU threads ND4J's kernels and BLAS may use.
 *
 * <p>For the small matrices of an MNIST perceptron, handing work between threads costs more than
 * it saves: on a 2-core machine DL4J's {@code fit} of 784-64-32-10 ran about twice as fast with
 * one thread everywhere (as {@code OMP_NUM_THREADS=1} gives), and on a busy machine five to ten
 * times as fast (idle OpenMP threads spin for cores that others need). The trainer's fast path is
 * another matter: it only multithreads OpenBLAS's matrix products, which split cleanly, and runs
 * best with OpenBLAS's default of one thread per core.
 *
 * <p>{@code OMP_NUM_THREADS} only works when set before the JVM starts; {@link #forRun} is the
 * in-process equivalent.
 */
public final class Threads {
    private Threads() {}

    /**
     * Sets ND4J's kernel threads and OpenBLAS's threads for one training run, on the calling
     * thread (OpenMP keeps its setting per thread, so this must run on the thread that trains);
     * closing puts back what was there before.
     */
    public static Restore forRun(int kernelThreads, int blasThreads) {
        if (kernelThreads < 1 || blasThreads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        int master = Nd4j.getEnvironment().maxMasterThreads();
        int max = Nd4j.getEnvironment().maxThreads();
        int omp = ops().ompGetMaxThreads();
        int blas = blasThreads();
        set(kernelThreads, kernelThreads, kernelThreads, blasThreads);
        return () -> set(master, max, omp, blas);
    }

    private static void set(int masterThreads, int maxThreads, int ompThreads, int blasThreads) {
        Nd4j.getEnvironment().setMaxMasterThreads(masterThreads);
        Nd4j.getEnvironment().setMaxThreads(maxThreads);
        ops().setOmpNumThreads(ompThreads);
        openblas_nolapack.blas_set_num_threads(blasThreads);
    }

    /** Puts the previous thread settings back. */
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    /** Threads OpenBLAS uses for a matrix product (the fast path's only multithreaded work). */
    public static int blasThreads() {
        Nd4j.getBackend(); // OpenBLAS is loaded with ND4J's native backend
        return openblas_nolapack.blas_get_num_threads();
    }

    /** One per core, as OpenBLAS itself starts. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static NativeOps ops() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }
}
