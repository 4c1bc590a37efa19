package org.mnistlab.training;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sdot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.backend.HugePages;
import org.mnistlab.backend.Threads;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.training.optimizers.Optimizer;
import org.mnistlab.training.optimizers.Optimizers;
import org.mnistlab.training.optimizers.SgdOptimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The speed path's training step, written out layer by layer as the course's NumPy notebooks do:
 * gather the batch → forward → softmax and cross-entropy → backward → one optimiser update, in
 * place on the parameters of the DL4J {@link MultiLayerNetwork} it was given.
 *
 * <p>Why it exists: a DL4J {@code fit} of a small MLP issues a few hundred ND4J ops per batch, and
 * each costs 17–50 µs of dispatch whatever its size, so the arithmetic (a few hundred µs) is lost
 * among them. Here the matrix products go straight to the OpenBLAS that ND4J itself calls, and
 * everything elementwise is a plain loop over Java arrays ({@link ActivationFunction}, the
 * {@link Optimizer}s), which the JIT turns into SIMD code; matrices cross between the two with one
 * bulk copy each ({@link NativeBuffer}). Nothing is allocated per batch.
 *
 * <p>The network stays a DL4J network throughout: the weights live in its flattened parameter
 * array ({@link ParameterLayout}), so evaluation, saving and the drawing pad see every update; the
 * optimiser starts from the network's updater state and {@link #syncToNetwork} writes its state and
 * the iteration count back as {@code fit} would keep them. The learning rate, momentum and any
 * schedule come from the network's own updater config, so {@code setLearningRate} and DL4J
 * schedules steer both engines alike. The maths follows DL4J's (cross-entropy with probabilities
 * clipped at 1e-10, the mean over the batch, L2 added to the weights' gradient before the updater,
 * inverted dropout on every layer's input but the first); {@code FastPathTest} checks it against
 * DL4J's own {@code fit}.
 */
final class FastPath implements AutoCloseable {
    /** DL4J's LossMCXENT clips softmax outputs here before the log; the gradient is unclipped. */
    private static final float PROBABILITY_FLOOR = 1e-10f;
    /** Below this many parameters, handing half the update to another core costs more than it saves. */
    private static final int PARALLEL_UPDATE_MIN = 100_000;

    /** Why {@code spec} must train on the DL4J path, or null when the fast path handles it. */
    static String unsupportedReason(NetworkSpec spec) {
        // The fast path runs its products on the CPU's OpenBLAS over host memory; on the CUDA
        // backend the network's parameters live on the GPU, where DL4J's fit belongs.
        if (!Nd4j.getEnvironment().isCPU()) return "the GPU backend";
        return null;
    }

    private final MultiLayerNetwork network;
    private final ParameterLayout layout;
    private final LayerBuffers[] layers;
    private final Optimizer optimizer;
    /** Set for plain SGD, whose update the backward products apply directly. */
    private final SgdOptimizer sgd;
    private final float l2;
    private final InvertedDropout dropout;
    private final StepProfile profile;
    private int iteration;

    private final NativeBuffer params;
    /** The gradient, formed by BLAS, and heap copies of it and of the parameters for the optimiser; null for SGD. */
    private final NativeBuffer gradient;
    private final float[] gradientHeap;
    private final float[] paramsHeap;
    /** A column of ones, batch long, for summing over the batch with BLAS. */
    private final NativeBuffer ones;
    private final BatchSource source;
    /**
     * The stored images, which the source reads unless it distorts them. Held as a buffer that keeps its INDArray: a bare view of the array's memory would
     * let the collector free it under us once the caller drops the array (a test did, and read garbage).
     */
    private final NativeBuffer features;
    private final byte[] labels;

    /**
     * @param features all training images, {@code count × 784}, normalised; batches are gathered
     *     from it by row index
     * @param labels the digit of each row
     */
    FastPath(NetworkSpec spec, MultiLayerNetwork network, INDArray features, byte[] labels,
            StepProfile profile) {
        this(spec, network, features, labels, profile, null);
    }

    /**
     * @param source where each batch's input rows come from (distorted copies, say); null for the
     *     rows of {@code features} as they are
     */
    FastPath(NetworkSpec spec, MultiLayerNetwork network, INDArray features, byte[] labels,
            StepProfile profile, BatchSource source) {
        String unsupported = unsupportedReason(spec);
        if (unsupported != null) throw new IllegalArgumentException("fast path cannot train " + unsupported);
        if (features.dataType() != DataType.FLOAT || features.offset() != 0 || features.ordering() != 'c') {
            throw new IllegalArgumentException("features must be a packed float matrix");
        }
        this.network = network;
        this.layout = ParameterLayout.of(spec.layerWidths());
        this.l2 = (float) spec.l2();
        this.dropout = new InvertedDropout(1.0 - spec.dropout(), spec.seed());
        this.profile = profile;
        this.iteration = network.getIterationCount();
        this.features = NativeBuffer.of(features);
        if (source == null) {
            // Only the stored rows are gathered at random from this array; distorted batches are
            // made from the raw pixels, so they would pay the collapse for nothing.
            HugePages.advise(features);
        }
        this.source = source != null ? source : BatchSource.stored(this.features.buffer(), NetworkSpec.INPUTS);
        this.labels = labels;

        INDArray flat = network.params();
        layout.requireMatches(flat);
        params = NativeBuffer.of(flat);
        int count = layout.count();
        optimizer = Optimizers.create(spec.optimizer(), updaterConfig(network), count);
        sgd = optimizer instanceof SgdOptimizer plain ? plain : null;
        optimizer.start(dl4jState());
        gradient = sgd == null ? NativeBuffer.zeros(count) : null;
        gradientHeap = sgd == null ? new float[count] : null;
        paramsHeap = sgd == null ? new float[count] : null;
        if (paramsHeap != null) params.buffer().get(0, paramsHeap);

        int batch = spec.batchSize();
        ones = NativeBuffer.zeros(batch);
        for (int r = 0; r < batch; r++) ones.buffer().put(r, 1f);
        layers = new LayerBuffers[layout.layers()];
        NativeBuffer input = NativeBuffer.zeros((long) batch * layout.inputs(0));
        for (int l = 0; l < layers.length; l++) {
            boolean hidden = l < layers.length - 1;
            ActivationFunction activation = hidden
                    ? ActivationFunction.of(spec.hiddenLayers().get(l).activation()) : null;
            layers[l] = new LayerBuffers(layout, l, batch, params, gradient, input, activation, spec.dropout() > 0);
            if (hidden) input = NativeBuffer.zeros((long) batch * layout.outputs(l));
        }
    }

    /** The updater config every layer shares (the spec has one optimiser), DL4J's live object. */
    private static org.nd4j.linalg.learning.config.IUpdater updaterConfig(MultiLayerNetwork network) {
        return ((BaseLayer) network.getLayer(0).conf().getLayer()).getIUpdater();
    }

    /**
     * DL4J's updater state, which covers every parameter in one block as the layers share one
     * updater config: {@code [slot 0 | slot 1 …]} over the flattened parameters. Fetched afresh
     * each time, since DL4J replaces the array when the learning rate is changed.
     */
    private INDArray dl4jStateView() {
        INDArray view = network.getUpdater(true).getStateViewArray();
        long expected = (long) optimizer.statesPerParameter() * layout.count();
        if (expected == 0) return null;
        if (view == null || view.length() != expected || view.dataType() != DataType.FLOAT || view.offset() != 0) {
            throw new IllegalStateException("expected DL4J's updater state as one float block of " + expected);
        }
        return view;
    }

    private float[] dl4jState() {
        INDArray view = dl4jStateView();
        return view == null ? new float[0] : view.data().asFloat();
    }

    /**
     * Trains on rows {@code order[from..to)} of the features: forward, backward, one update.
     *
     * @return the batch's loss before the update (L2 penalty included), as DL4J's {@code score()} reports it
     */
    double step(int[] order, int from, int to) {
        int batch = to - from;
        long t0 = System.nanoTime();
        if (profile != null) profile.stepStarted(t0);
        optimizer.prepare(iteration, network.getEpochCount());
        gather(order, from, batch);
        long t1 = System.nanoTime();
        long gemm = 0;
        for (int l = 0; l < layers.length; l++) {
            LayerBuffers layer = layers[l];
            long g0 = System.nanoTime();
            // Z = X · Wᵀ, W being row-major outputs × inputs.
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, batch, layer.outputs, layer.inputs, 1f,
                    layer.input.pointer(), layer.inputs, layer.weights, layer.inputs, 0f,
                    layer.product.pointer(), layer.outputs);
            gemm += System.nanoTime() - g0;
            if (layer.activation != null) activate(layer, layers[l + 1].input, batch);
        }
        long t2 = System.nanoTime();
        double loss = softmaxLoss(order, from, batch) + l2Penalty();
        long t3 = System.nanoTime();
        long backGemm = backward(batch);
        long t4 = System.nanoTime();
        if (sgd == null) update();
        iteration++;
        long t5 = System.nanoTime();
        if (profile != null) {
            profile.add(StepProfile.Phase.GATHER, t1 - t0);
            profile.add(StepProfile.Phase.FORWARD_GEMM, gemm);
            profile.add(StepProfile.Phase.FORWARD_ELEMENTWISE, t2 - t1 - gemm);
            profile.add(StepProfile.Phase.SOFTMAX_LOSS, t3 - t2);
            profile.add(StepProfile.Phase.BACKWARD_GEMM, backGemm);
            profile.add(StepProfile.Phase.BACKWARD_ELEMENTWISE, t4 - t3 - backGemm);
            profile.add(StepProfile.Phase.UPDATE, t5 - t4);
            profile.stepFinished(batch, t5);
        }
        return loss;
    }

    /**
     * Hands the iteration count and the optimiser's state back to DL4J, so a copy or a saved model
     * continues from them. The weights need no copying: they are the network's own.
     */
    void syncToNetwork() {
        network.setIterationCount(iteration);
        INDArray view = dl4jStateView();
        if (view != null) {
            float[] state = new float[(int) view.length()];
            optimizer.saveState(state);
            view.data().asNioFloat().put(0, state);
        }
    }

    @Override
    public void close() {
        syncToNetwork();
        if (gradient != null) gradient.close();
        ones.close();
        for (LayerBuffers layer : layers) layer.close();
    }

    /** The last step's gradient (not for SGD, which never forms it), flattened as DL4J flattens the parameters. */
    INDArray lastGradient() {
        if (sgd != null) throw new IllegalStateException("SGD applies its gradient without keeping it");
        return Nd4j.create(gradientHeap.clone(), new long[] {1, layout.count()}, 'c');
    }

    /** The dropout mask (0 or 1/keep per unit) the last step applied to weight layer l's input; for tests. */
    INDArray lastDropoutMask(int l, int batch) {
        float[] mask = Arrays.copyOf(layers[l - 1].keepScale, batch * layout.inputs(l));
        return Nd4j.create(mask, new long[] {batch, layout.inputs(l)}, 'c');
    }

    private void gather(int[] order, int from, int batch) {
        source.gather(order, from, from + batch, layers[0].input.buffer());
    }

    /** Bias, activation and dropout of a hidden layer, into the next layer's input. */
    private void activate(LayerBuffers layer, NativeBuffer next, int batch) {
        int width = layer.outputs;
        int n = batch * width;
        float[] z = layer.z;
        float[] b = layer.bias;
        params.buffer().get(layer.biasOffset, b);
        layer.product.buffer().get(0, z, 0, n);
        for (int r = 0; r < batch; r++) {
            int base = r * width;
            for (int c = 0; c < width; c++) z[base + c] += b[c];
        }
        layer.activation.forward(z, layer.a, n);
        if (layer.keepScale != null) dropout.apply(layer.a, layer.keepScale, layer.dropped, n);
        next.buffer().put(0, layer.dropped, 0, n);
    }

    /** Softmax of the output layer, the mean cross-entropy, and (p − onehot) / batch into delta. */
    private double softmaxLoss(int[] order, int from, int batch) {
        LayerBuffers out = layers[layers.length - 1];
        int classes = out.outputs;
        float[] b = out.bias;
        params.buffer().get(out.biasOffset, b);
        float[] z = out.deltaHeap;
        int n = batch * classes;
        out.delta.buffer().get(0, z, 0, n);
        double lossSum = 0;
        float perExample = 1f / batch;
        for (int r = 0; r < batch; r++) {
            int base = r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                z[base + c] += b[c];
                max = Math.max(max, z[base + c]);
            }
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                z[base + c] = (float) Math.exp(z[base + c] - max);
                sum += z[base + c];
            }
            int label = labels[order[from + r]];
            for (int c = 0; c < classes; c++) {
                float p = z[base + c] / sum;
                if (c == label) {
                    lossSum -= Math.log(Math.max(p, PROBABILITY_FLOOR));
                    p -= 1;
                }
                z[base + c] = p * perExample;
            }
        }
        out.delta.buffer().put(0, z, 0, n);
        return lossSum / batch;
    }

    /** DL4J's L2 score, ½·l2·‖W‖² summed over the weight matrices (biases carry none). */
    private double l2Penalty() {
        if (l2 == 0) return 0;
        double sum = 0;
        for (int l = 0; l < layers.length; l++) {
            int n = layout.weightCount(l);
            sum += cblas_sdot(n, layers[l].weights, 1, layers[l].weights, 1);
        }
        return 0.5 * l2 * sum;
    }

    /**
     * From the output layer down: the delta of the layer below (before this layer's weights
     * change), this layer's gradient, then back through the activation below.
     *
     * @return nanoseconds spent in the matrix products
     */
    private long backward(int batch) {
        long gemmNanos = 0;
        for (int l = layers.length - 1; l >= 0; l--) {
            LayerBuffers layer = layers[l];
            long g0 = System.nanoTime();
            if (l > 0) {
                LayerBuffers below = layers[l - 1];
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, batch, layer.inputs, layer.outputs, 1f,
                        layer.delta.pointer(), layer.outputs, layer.weights, layer.inputs, 0f,
                        below.delta.pointer(), layer.inputs);
            }
            if (sgd != null) {
                // SGD's update is the gradient's own product, accumulated straight into W (with L2,
                // W·(1 − lr·l2) − lr·δᵀX, DL4J's g + l2·W in one call), and likewise for b.
                float lr = sgd.learningRate();
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, layer.outputs, layer.inputs, batch, -lr,
                        layer.delta.pointer(), layer.outputs, layer.input.pointer(), layer.inputs, 1 - lr * l2,
                        layer.weights, layer.inputs);
                cblas_sgemv(CblasRowMajor, CblasTrans, batch, layer.outputs, -lr, layer.delta.pointer(),
                        layer.outputs, ones.pointer(), 1, 1f, layer.biases, 1);
            } else {
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, layer.outputs, layer.inputs, batch, 1f,
                        layer.delta.pointer(), layer.outputs, layer.input.pointer(), layer.inputs, 0f,
                        layer.weightGradient, layer.inputs);
                if (l2 > 0) cblas_saxpy(layout.weightCount(l), l2, layer.weights, 1, layer.weightGradient, 1);
                cblas_sgemv(CblasRowMajor, CblasTrans, batch, layer.outputs, 1f, layer.delta.pointer(),
                        layer.outputs, ones.pointer(), 1, 0f, layer.biasGradient, 1);
            }
            gemmNanos += System.nanoTime() - g0;
            if (l > 0) backThroughActivation(layers[l - 1], batch);
        }
        return gemmNanos;
    }

    /** The layer's delta holds ∂loss/∂(its output after dropout); turn it into ∂loss/∂z. */
    private static void backThroughActivation(LayerBuffers layer, int batch) {
        int n = batch * layer.outputs;
        float[] d = layer.deltaHeap;
        layer.delta.buffer().get(0, d, 0, n);
        if (layer.keepScale != null) {
            float[] mask = layer.keepScale;
            for (int i = 0; i < n; i++) d[i] *= mask[i];
        }
        layer.activation.backward(layer.z, layer.a, d, n);
        layer.delta.buffer().put(0, d, 0, n);
    }

    private void update() {
        int count = layout.count();
        if (count < PARALLEL_UPDATE_MIN || Threads.cores() < 2) {
            update(0, count);
            return;
        }
        // OpenBLAS's threads sit idle during the update: a second core halves this memory-bound loop
        // (each parameter's update is independent, so the split changes no result).
        // Whoever claims the upper half first does it, so a busy common pool never stalls a step.
        int half = count / 2;
        AtomicBoolean claimed = new AtomicBoolean();
        ForkJoinTask<?> upper = ForkJoinPool.commonPool().submit(() -> {
            if (claimed.compareAndSet(false, true)) update(half, count);
        });
        update(0, half);
        if (claimed.compareAndSet(false, true)) {
            update(half, count);
        } else {
            upper.join();
        }
    }

    private void update(int from, int to) {
        gradient.buffer().get(from, gradientHeap, from, to - from);
        optimizer.update(paramsHeap, gradientHeap, from, to);
        params.buffer().put(from, paramsHeap, from, to - from);
    }
}
