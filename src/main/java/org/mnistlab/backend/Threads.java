package org.mnistlab.backend;

import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How many CPU threads ND4J's kernels and BLAS may use.
 *
 * <p>For the small matrices of an MNIST perceptron, handing work between threads costs more than
 * it saves: on a 2-core machine one thread trained 784-64-32-10 about twice as fast as ND4J's
 * default. Wide layers (hundreds of units, large batches) are where more threads start to pay.
 */
public final class Threads {
    private Threads() {}

    public static void apply(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** Threads OpenBLAS uses for a matrix product (the fast path's only multithreaded work). */
    public static int blasThreads() {
        Nd4j.getBackend(); // OpenBLAS is loaded with ND4J's native backend
        return openblas_nolapack.blas_get_num_threads();
    }
}
