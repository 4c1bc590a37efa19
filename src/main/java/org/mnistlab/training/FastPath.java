package org.mnistlab.training;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

import java.nio.FloatBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.mnistlab.backend.Threads;
import org.mnistlab.network.ActivationKind;
import org.mnistlab.network.HiddenLayer;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The speed path: one training step of a dense softmax network written out by hand, forward and
 * backward layer by layer as the course's NumPy notebooks do, working in place on the parameters
 * of the DL4J {@link MultiLayerNetwork} it was given.
 *
 * <p>Why it exists: a DL4J {@code fit} of a small MLP issues a few hundred ND4J ops per batch, and
 * each costs 17–50 µs of dispatch whatever its size, so the arithmetic (a few hundred µs) is lost
 * among them. Here the matrix products go straight to the OpenBLAS that ND4J itself calls, and
 * everything elementwise is a plain loop over Java arrays, which the JIT turns into SIMD code
 * (a loop over a direct buffer stays scalar and ran 5–10× slower); matrices cross between the
 * two with one bulk copy each. Nothing is allocated per batch.
 *
 * <p>The network stays a DL4J network throughout: the weights live in its flattened parameter
 * array (so evaluation, saving and the drawing pad see every update), Adam's moments live in its
 * updater state when DL4J keeps them as one block, and its iteration count advances as
 * {@code fit} would advance it. The maths follows DL4J's exactly (cross-entropy with
 * probabilities clipped at 1e-10, the mean over the batch, inverted dropout on every layer's
 * input but the first, DL4J's Adam); {@code FastPathTest} checks gradients and updates against
 * DL4J's own.
 */
final class FastPath implements AutoCloseable {
    private static final Set<OptimizerKind> OPTIMIZERS = EnumSet.of(OptimizerKind.SGD, OptimizerKind.ADAM);
    private static final Set<ActivationKind> ACTIVATIONS = EnumSet.of(ActivationKind.RELU,
            ActivationKind.LEAKY_RELU, ActivationKind.TANH, ActivationKind.SIGMOID, ActivationKind.IDENTITY);
    /** DL4J's LossMCXENT clips softmax outputs here before the log; the gradient is unclipped. */
    private static final float PROBABILITY_FLOOR = 1e-10f;
    /** DL4J's default for {@code Activation.LEAKYRELU}. */
    private static final float LEAKY_SLOPE = 0.01f;
    /** DL4J's Adam defaults, which {@code OptimizerKind.updater} keeps. */
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float ADAM_EPSILON = 1e-8f;
    /** Below this many parameters, handing half the Adam update to another core costs more than it saves. */
    private static final int PARALLEL_UPDATE_MIN = 100_000;

    /** Why {@code spec} must train on the DL4J path, or null when the fast path handles it. */
    static String unsupportedReason(NetworkSpec spec) {
        // The fast path runs its products on the CPU's OpenBLAS over host memory; on the CUDA
        // backend the network's parameters live on the GPU, where DL4J's fit belongs.
        if (!org.nd4j.linalg.factory.Nd4j.getEnvironment().isCPU()) return "the GPU backend";
        if (!OPTIMIZERS.contains(spec.optimizer())) return "the " + spec.optimizer() + " optimizer";
        if (spec.l2() > 0) return "L2 regularisation";
        for (HiddenLayer layer : spec.hiddenLayers()) {
            if (!ACTIVATIONS.contains(layer.activation())) return "the " + layer.activation() + " activation";
        }
        return null;
    }

    private final MultiLayerNetwork network;
    private final int[] widths;
    private final ActivationKind[] activations;
    private final int layers;
    private final boolean adam;
    private final float keep;
    private final SplittableRandom dropoutRandom;
    private final StepProfile profile;
    private float learningRate;
    private int iteration;

    private final int parameterCount;
    private final FloatBuffer params;
    private final FloatPointer paramsPointer;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final FloatPointer[] weights;
    private final FloatPointer[] biases;
    private final float[][] bias;

    /** Native, where Adam's gradient is formed by BLAS. */
    private final Native gradient;
    private final FloatPointer[] weightGradients;
    private final FloatPointer[] biasGradients;
    /** A column of ones, batch long, for summing over the batch with BLAS. */
    private final Native ones;
    /** Adam only: the parameters, gradient and moments as Java arrays (the parameters' master copy). */
    private final float[] paramsHeap;
    private final float[] gradientHeap;
    private final float[] moment1;
    private final float[] moment2;
    /** DL4J's Adam state [m | v], updated by {@link #syncToNetwork}; null if DL4J splits it in blocks. */
    private final INDArray dl4jAdamState;

    /** input[l]: what weight layer l multiplies (input[0] is the batch; later ones after dropout). */
    private final Native[] input;
    /** product[l]: where weight layer l's matrix product lands (the output layer's is delta[l]). */
    private final Native[] product;
    /** hidden[l] for l ≥ 1: activations before dropout, for the derivative. */
    private final float[][] hidden;
    /** keepScale[l]: 0 or 1/keep per unit, the dropout mask that input[l] was made with. */
    private final float[][] keepScale;
    /** Scratch the size of input[l], for what goes into it. */
    private final float[][] inputHeap;
    /** delta[l]: gradient of the loss with respect to weight layer l's pre-activations. */
    private final Native[] delta;
    private final float[][] deltaHeap;
    private final FloatBuffer features;
    private final byte[] labels;

    /**
     * @param features all training images, {@code count × 784}, normalised; batches are gathered
     *     from it by row index
     * @param labels the digit of each row
     */
    FastPath(NetworkSpec spec, MultiLayerNetwork network, INDArray features, byte[] labels,
            StepProfile profile) {
        String unsupported = unsupportedReason(spec);
        if (unsupported != null) throw new IllegalArgumentException("fast path cannot train " + unsupported);
        if (features.dataType() != DataType.FLOAT || features.offset() != 0 || features.ordering() != 'c') {
            throw new IllegalArgumentException("features must be a packed float matrix");
        }
        this.network = network;
        this.widths = spec.layerWidths();
        this.layers = widths.length - 1;
        this.activations = new ActivationKind[layers];
        for (int l = 1; l < layers; l++) activations[l] = spec.hiddenLayers().get(l - 1).activation();
        this.adam = spec.optimizer() == OptimizerKind.ADAM;
        this.keep = (float) (1.0 - spec.dropout());
        this.dropoutRandom = new SplittableRandom(spec.seed());
        this.profile = profile;
        this.learningRate = (float) spec.learningRate();
        this.iteration = network.getIterationCount();
        this.features = features.data().asNioFloat();
        this.labels = labels;

        INDArray flat = network.params();
        if (flat.dataType() != DataType.FLOAT || flat.offset() != 0 || !flat.isRowVectorOrScalar()) {
            throw new IllegalStateException("expected DL4J's flattened float parameters");
        }
        parameterCount = (int) flat.length();
        params = flat.data().asNioFloat();
        paramsPointer = (FloatPointer) flat.data().addressPointer();
        // DL4J flattens each dense layer as W (nIn × nOut, column-major) then b (nOut).
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        weights = new FloatPointer[layers];
        biases = new FloatPointer[layers];
        bias = new float[layers][];
        gradient = Native.zeros(parameterCount);
        weightGradients = new FloatPointer[layers];
        biasGradients = new FloatPointer[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = offset;
            offset += widths[l] * widths[l + 1];
            biasOffset[l] = offset;
            offset += widths[l + 1];
            weights[l] = new FloatPointer(paramsPointer).position(weightOffset[l]);
            biases[l] = new FloatPointer(paramsPointer).position(biasOffset[l]);
            weightGradients[l] = new FloatPointer(gradient.pointer).position(weightOffset[l]);
            biasGradients[l] = new FloatPointer(gradient.pointer).position(biasOffset[l]);
            bias[l] = new float[widths[l + 1]];
        }
        if (offset != parameterCount) {
            throw new IllegalStateException("parameter layout is not W,b per dense layer");
        }

        if (adam) {
            paramsHeap = new float[parameterCount];
            params.get(0, paramsHeap);
            gradientHeap = new float[parameterCount];
            moment1 = new float[parameterCount];
            moment2 = new float[parameterCount];
            dl4jAdamState = dl4jAdamState(network, parameterCount);
            if (dl4jAdamState != null) {
                FloatBuffer state = dl4jAdamState.data().asNioFloat();
                state.get(0, moment1);
                state.get(parameterCount, moment2);
            }
        } else {
            paramsHeap = null;
            gradientHeap = null;
            moment1 = null;
            moment2 = null;
            dl4jAdamState = null;
        }

        int batch = spec.batchSize();
        ones = Native.zeros(batch);
        for (int r = 0; r < batch; r++) ones.buffer.put(r, 1f);
        input = new Native[layers];
        product = new Native[layers];
        hidden = new float[layers][];
        keepScale = new float[layers][];
        inputHeap = new float[layers][];
        delta = new Native[layers];
        deltaHeap = new float[layers][];
        input[0] = Native.zeros((long) batch * widths[0]);
        for (int l = 1; l < layers; l++) {
            input[l] = Native.zeros((long) batch * widths[l]);
            product[l - 1] = Native.zeros((long) batch * widths[l]);
            hidden[l] = new float[batch * widths[l]];
            inputHeap[l] = keep < 1 ? new float[batch * widths[l]] : hidden[l];
            if (keep < 1) keepScale[l] = new float[batch * widths[l]];
        }
        for (int l = 0; l < layers; l++) {
            delta[l] = Native.zeros((long) batch * widths[l + 1]);
            deltaHeap[l] = new float[batch * widths[l + 1]];
        }
        product[layers - 1] = delta[layers - 1];
    }

    /**
     * DL4J keeps Adam's moments in its updater state as [m | v] over all parameters when every
     * layer shares one updater block; the fast path starts from it and writes it back, so a saved
     * model's updater state stays true. Otherwise (null) the moments stay the fast path's own.
     */
    private static INDArray dl4jAdamState(MultiLayerNetwork network, int parameterCount) {
        Updater updater = network.getUpdater(true);
        if (updater instanceof BaseMultiLayerUpdater<?> multi && multi.getUpdaterBlocks().size() == 1) {
            INDArray state = multi.getStateViewArray();
            if (state != null && state.length() == 2L * parameterCount && state.offset() == 0
                    && state.dataType() == DataType.FLOAT) {
                return state;
            }
        }
        return null;
    }

    void setLearningRate(double rate) {
        learningRate = (float) rate;
    }

    /**
     * Trains on rows {@code order[from..to)} of the features: forward, backward, one update.
     *
     * @return the batch's loss before the update, as DL4J's {@code score()} reports it
     */
    double step(int[] order, int from, int to) {
        int batch = to - from;
        long t0 = System.nanoTime();
        if (profile != null) profile.stepStarted(t0);
        gather(order, from, batch);
        long t1 = System.nanoTime();
        long gemm = 0;
        for (int l = 0; l < layers; l++) {
            long g0 = System.nanoTime();
            // W is column-major nIn × nOut, i.e. row-major nOut × nIn: Z = X · Wᵀ in those terms.
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, batch, widths[l + 1], widths[l], 1f,
                    input[l].pointer, widths[l], weights[l], widths[l], 0f, product[l].pointer, widths[l + 1]);
            gemm += System.nanoTime() - g0;
            if (l < layers - 1) activate(l + 1, batch);
        }
        long t2 = System.nanoTime();
        double loss = softmaxLoss(order, from, batch);
        long t3 = System.nanoTime();
        long backGemm = 0;
        for (int l = layers - 1; l >= 0; l--) {
            long g0 = System.nanoTime();
            if (l > 0) { // before SGD below changes this layer's weights
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, batch, widths[l], widths[l + 1], 1f,
                        delta[l].pointer, widths[l + 1], weights[l], widths[l], 0f, delta[l - 1].pointer, widths[l]);
            }
            // Adam needs the gradient itself; SGD's update W -= lr · gradient is the same product
            // accumulated straight into the weights, which saves writing and re-reading the gradient.
            if (adam) {
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, widths[l + 1], widths[l], batch, 1f,
                        delta[l].pointer, widths[l + 1], input[l].pointer, widths[l], 0f, weightGradients[l], widths[l]);
            } else {
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, widths[l + 1], widths[l], batch, -learningRate,
                        delta[l].pointer, widths[l + 1], input[l].pointer, widths[l], 1f, weights[l], widths[l]);
            }
            backGemm += System.nanoTime() - g0;
            biasGradient(l, batch);
            if (l > 0) backThroughActivation(l, batch);
        }
        long t4 = System.nanoTime();
        update();
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
     * Hands the iteration count and Adam's moments back to DL4J, so a copy or a saved model
     * continues from them. The weights need no copying: they are the network's own.
     */
    void syncToNetwork() {
        network.setIterationCount(iteration);
        if (dl4jAdamState != null) {
            FloatBuffer state = dl4jAdamState.data().asNioFloat();
            state.put(0, moment1);
            state.put(parameterCount, moment2);
        }
    }

    @Override
    public void close() {
        syncToNetwork();
        gradient.close();
        ones.close();
        for (int l = 0; l < layers; l++) {
            input[l].close();
            delta[l].close();
            if (l < layers - 1) product[l].close();
        }
    }

    /** Adam only (SGD never forms it): the last step's gradient, flattened as DL4J flattens the parameters. */
    INDArray lastGradient() {
        if (!adam) throw new IllegalStateException("SGD applies its gradient without keeping it");
        return Nd4j.create(gradientHeap.clone(), new long[] {1, parameterCount}, 'c');
    }

    /** The dropout mask (0 or 1/keep per unit) the last step applied to weight layer l's input; for tests. */
    INDArray lastDropoutMask(int l, int batch) {
        float[] mask = java.util.Arrays.copyOf(keepScale[l], batch * widths[l]);
        return Nd4j.create(mask, new long[] {batch, widths[l]}, 'c');
    }

    private void gather(int[] order, int from, int batch) {
        FloatBuffer out = input[0].buffer;
        int width = widths[0];
        for (int r = 0; r < batch; r++) {
            out.put(r * width, features, order[from + r] * width, width);
        }
    }

    /** Bias, activation and dropout of hidden layer l (the input of weight layer l). */
    private void activate(int l, int batch) {
        int width = widths[l];
        int n = batch * width;
        float[] h = hidden[l];
        float[] b = bias[l - 1];
        params.get(biasOffset[l - 1], b);
        product[l - 1].buffer.get(0, h, 0, n);
        for (int r = 0; r < batch; r++) {
            int base = r * width;
            switch (activations[l]) {
                case RELU -> {
                    for (int c = 0; c < width; c++) h[base + c] = Math.max(h[base + c] + b[c], 0f);
                }
                case LEAKY_RELU -> {
                    for (int c = 0; c < width; c++) {
                        float x = h[base + c] + b[c];
                        h[base + c] = x > 0 ? x : LEAKY_SLOPE * x;
                    }
                }
                case TANH -> {
                    for (int c = 0; c < width; c++) h[base + c] = (float) Math.tanh(h[base + c] + b[c]);
                }
                case SIGMOID -> {
                    for (int c = 0; c < width; c++) {
                        h[base + c] = (float) (1 / (1 + Math.exp(-(h[base + c] + b[c]))));
                    }
                }
                case IDENTITY -> {
                    for (int c = 0; c < width; c++) h[base + c] += b[c];
                }
                default -> throw new IllegalStateException(activations[l] + " is not on the fast path");
            }
        }
        if (keep < 1) dropout(l, n);
        input[l].buffer.put(0, inputHeap[l], 0, n);
    }

    /** Inverted dropout, as DL4J's: kept units are scaled by 1/keep so the expected input is unchanged. */
    private void dropout(int l, int n) {
        float[] mask = keepScale[l];
        float scale = 1f / keep;
        // Two 32-bit draws per nextLong: a Bernoulli(keep) needs no more resolution than that.
        // (draw - threshold) >>> 63 is 1 exactly when draw < threshold: a keep without a branch.
        long threshold = (long) (keep * 4294967296.0);
        for (int i = 0; i < n; i += 2) {
            long bits = dropoutRandom.nextLong();
            mask[i] = scale * (((bits & 0xFFFFFFFFL) - threshold) >>> 63);
            if (i + 1 < n) mask[i + 1] = scale * (((bits >>> 32) - threshold) >>> 63);
        }
        float[] h = hidden[l];
        float[] dropped = inputHeap[l];
        for (int i = 0; i < n; i++) dropped[i] = h[i] * mask[i];
    }

    /** Softmax of the output layer, the mean cross-entropy, and (p − onehot) / batch into delta. */
    private double softmaxLoss(int[] order, int from, int batch) {
        int l = layers - 1;
        int classes = widths[layers];
        float[] b = bias[l];
        params.get(biasOffset[l], b);
        float[] z = deltaHeap[l];
        int n = batch * classes;
        delta[l].buffer.get(0, z, 0, n);
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
        delta[l].buffer.put(0, z, 0, n);
        return lossSum / batch;
    }

    /** Column sums of delta[l], as deltaᵀ · ones (one BLAS call): Adam's bias gradient, or SGD's step. */
    private void biasGradient(int l, int batch) {
        if (adam) {
            cblas_sgemv(CblasRowMajor, CblasTrans, batch, widths[l + 1], 1f, delta[l].pointer, widths[l + 1],
                    ones.pointer, 1, 0f, biasGradients[l], 1);
        } else {
            cblas_sgemv(CblasRowMajor, CblasTrans, batch, widths[l + 1], -learningRate, delta[l].pointer,
                    widths[l + 1], ones.pointer, 1, 1f, biases[l], 1);
        }
    }

    /** delta[l − 1] holds ∂loss/∂input[l]; turn it into ∂loss/∂(pre-activation of layer l − 1). */
    private void backThroughActivation(int l, int batch) {
        int n = batch * widths[l];
        float[] d = deltaHeap[l - 1];
        float[] h = hidden[l];
        delta[l - 1].buffer.get(0, d, 0, n);
        if (keep < 1) {
            float[] mask = keepScale[l];
            for (int i = 0; i < n; i++) d[i] *= mask[i];
        }
        switch (activations[l]) {
            case RELU -> {
                for (int i = 0; i < n; i++) d[i] *= step(h[i]);
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    float up = step(Math.max(h[i], 0f));
                    d[i] *= up + (1 - up) * LEAKY_SLOPE;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) d[i] *= 1 - h[i] * h[i];
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) d[i] *= h[i] * (1 - h[i]);
            }
            case IDENTITY -> { }
            default -> throw new IllegalStateException(activations[l] + " is not on the fast path");
        }
        delta[l - 1].buffer.put(0, d, 0, n);
    }

    /**
     * 1 for x &gt; 0, 0 for x = 0, exactly, for any x ≥ 0 (even the smallest subnormal, which two
     * factors of 1e30 lift past 1). Written so, the loops around it compile to SIMD code; the
     * obvious {@code x > 0 ? d : 0} branches, mispredicts on half the units and was 20× slower.
     */
    private static float step(float x) {
        return Math.min(x * 1e30f * 1e30f, 1f);
    }

    private void update() {
        if (!adam) return; // SGD updated each layer as its gradient was formed
        // libnd4j's adamUpdater, which DL4J's Adam calls: the bias corrections fold into one step size.
        int t = iteration + 1;
        float step = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        if (parameterCount < PARALLEL_UPDATE_MIN || Threads.cores() < 2) {
            adam(0, parameterCount, step);
            return;
        }
        // OpenBLAS's threads sit idle during the update: a second core halves this memory-bound loop
        // (each parameter's update is independent, so the split changes no result).
        // Whoever claims the upper half first does it, so a busy common pool never stalls a step.
        int half = parameterCount / 2;
        AtomicBoolean claimed = new AtomicBoolean();
        ForkJoinTask<?> upper = ForkJoinPool.commonPool().submit(() -> {
            if (claimed.compareAndSet(false, true)) adam(half, parameterCount, step);
        });
        adam(0, half, step);
        if (claimed.compareAndSet(false, true)) {
            adam(half, parameterCount, step);
        } else {
            upper.join();
        }
    }

    private void adam(int from, int to, float step) {
        gradient.buffer.get(from, gradientHeap, from, to - from);
        float[] p = paramsHeap;
        float[] g = gradientHeap;
        float[] m = moment1;
        float[] v = moment2;
        for (int i = from; i < to; i++) {
            float grad = g[i];
            float mi = BETA1 * m[i] + grad * (1 - BETA1);
            float vi = BETA2 * v[i] + grad * grad * (1 - BETA2);
            m[i] = mi;
            v[i] = vi;
            p[i] -= mi * step / ((float) Math.sqrt(vi) + ADAM_EPSILON);
        }
        params.put(from, p, from, to - from);
    }

    /** Native float memory seen both as a pointer (for BLAS) and as a buffer (for bulk copies). */
    private record Native(INDArray owner, FloatPointer pointer, FloatBuffer buffer) implements AutoCloseable {
        static Native zeros(long length) {
            INDArray array = Nd4j.zeros(DataType.FLOAT, length);
            return new Native(array, (FloatPointer) array.data().addressPointer(), array.data().asNioFloat());
        }

        @Override
        public void close() {
            owner.close();
        }
    }
}
