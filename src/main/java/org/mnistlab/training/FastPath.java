package org.mnistlab.training;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.FloatBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
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
 * everything elementwise is a Java loop over the same native memory: no op dispatch, no
 * allocation per batch.
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

    /** Why {@code spec} must train on the DL4J path, or null when the fast path handles it. */
    static String unsupportedReason(NetworkSpec spec) {
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
    private final float[][] biasCopy;

    private final Native gradient;
    private final FloatPointer[] weightGradients;
    /** Adam's first and second moments; null for SGD. */
    private final FloatBuffer moment1;
    private final FloatBuffer moment2;
    private final INDArray ownMoments;

    /** input[l]: what weight layer l multiplies (input[0] is the batch; later ones after dropout). */
    private final Native[] input;
    /** hidden[l] for l ≥ 1: activations before dropout (the same buffer as input[l] without dropout). */
    private final Native[] hidden;
    /** keepScale[l]: 0 or 1/keep per unit, the dropout mask that input[l] was made with. */
    private final Native[] keepScale;
    /** delta[l]: gradient of the loss with respect to weight layer l's pre-activations. */
    private final Native[] delta;
    private final Native features;
    private final byte[] labels;
    private final float[] outputRow;

    /**
     * @param features all training images, {@code count × 784}, normalised; batches are gathered
     *     from it by row index
     * @param labels the digit of each row
     */
    FastPath(NetworkSpec spec, MultiLayerNetwork network, INDArray features, byte[] labels,
            StepProfile profile) {
        String unsupported = unsupportedReason(spec);
        if (unsupported != null) throw new IllegalArgumentException("fast path cannot train " + unsupported);
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
        this.features = Native.of(features.castTo(DataType.FLOAT));
        this.labels = labels;
        this.outputRow = new float[NetworkSpec.OUTPUTS];

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
        biasCopy = new float[layers][];
        gradient = Native.zeros(parameterCount);
        weightGradients = new FloatPointer[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = offset;
            offset += widths[l] * widths[l + 1];
            biasOffset[l] = offset;
            offset += widths[l + 1];
            weights[l] = new FloatPointer(paramsPointer).position(weightOffset[l]);
            weightGradients[l] = new FloatPointer(gradient.pointer).position(weightOffset[l]);
            biasCopy[l] = new float[widths[l + 1]];
        }
        if (offset != parameterCount) {
            throw new IllegalStateException("parameter layout is not W,b per dense layer");
        }

        INDArray adamState = adam ? dl4jAdamState(network, parameterCount) : null;
        if (adam && adamState == null) {
            ownMoments = Nd4j.zeros(DataType.FLOAT, 2L * parameterCount);
            adamState = ownMoments;
        } else {
            ownMoments = null;
        }
        if (adam) {
            FloatBuffer both = adamState.data().asNioFloat();
            moment1 = both.slice(0, parameterCount);
            moment2 = both.slice(parameterCount, parameterCount);
        } else {
            moment1 = null;
            moment2 = null;
        }

        int batch = spec.batchSize();
        input = new Native[layers];
        hidden = new Native[layers];
        keepScale = new Native[layers];
        delta = new Native[layers];
        input[0] = Native.zeros(batch * widths[0]);
        for (int l = 1; l < layers; l++) {
            hidden[l] = Native.zeros(batch * widths[l]);
            if (keep < 1) {
                input[l] = Native.zeros(batch * widths[l]);
                keepScale[l] = Native.zeros(batch * widths[l]);
            } else {
                input[l] = hidden[l];
            }
        }
        for (int l = 0; l < layers; l++) delta[l] = Native.zeros(batch * widths[l + 1]);
    }

    /**
     * DL4J keeps Adam's moments in its updater state as [m | v] over all parameters when every
     * layer shares one updater block; training in that memory keeps a saved model's updater
     * state true. Otherwise (null) the fast path keeps its own.
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
                    input[l].pointer, widths[l], weights[l], widths[l], 0f, outputOf(l).pointer, widths[l + 1]);
            gemm += System.nanoTime() - g0;
            if (l < layers - 1) activate(l, batch);
        }
        long t2 = System.nanoTime();
        double loss = softmaxLoss(order, from, batch);
        long t3 = System.nanoTime();
        long backGemm = 0;
        for (int l = layers - 1; l >= 0; l--) {
            long g0 = System.nanoTime();
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, widths[l + 1], widths[l], batch, 1f,
                    delta[l].pointer, widths[l + 1], input[l].pointer, widths[l], 0f, weightGradients[l], widths[l]);
            if (l > 0) {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, batch, widths[l], widths[l + 1], 1f,
                        delta[l].pointer, widths[l + 1], weights[l], widths[l], 0f, delta[l - 1].pointer, widths[l]);
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

    /** Hands the iteration count back to DL4J, so a later {@code fit} or a saved model continues from it. */
    @Override
    public void close() {
        network.setIterationCount(iteration);
        gradient.close();
        for (int l = 0; l < layers; l++) {
            if (l > 0 && hidden[l] != input[l]) hidden[l].close();
            if (keepScale[l] != null) keepScale[l].close();
            input[l].close();
            delta[l].close();
        }
        if (ownMoments != null) ownMoments.close();
    }

    /** The gradient of the last step, flattened as DL4J flattens the parameters (for tests). */
    INDArray lastGradient() {
        return gradient.owner;
    }

    /** The dropout mask (0 or 1/keep per unit) the last step applied to weight layer l's input; for tests. */
    INDArray lastDropoutMask(int l, int batch) {
        return keepScale[l].owner.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, (long) batch * widths[l]))
                .reshape(batch, widths[l]);
    }

    /** Weight layer l's pre-activations are written where its activations will be kept. */
    private Native outputOf(int l) {
        return l == layers - 1 ? delta[l] : hidden[l + 1];
    }

    private void gather(int[] order, int from, int batch) {
        FloatBuffer out = input[0].buffer;
        FloatBuffer all = features.buffer;
        int width = widths[0];
        for (int r = 0; r < batch; r++) {
            out.put(r * width, all, order[from + r] * width, width);
        }
    }

    /** Bias, activation and dropout of hidden layer l + 1, in place. */
    private void activate(int l, int batch) {
        int width = widths[l + 1];
        float[] bias = biasCopy[l];
        params.get(biasOffset[l], bias);
        FloatBuffer h = hidden[l + 1].buffer;
        ActivationKind kind = activations[l + 1];
        for (int r = 0, i = 0; r < batch; r++) {
            for (int c = 0; c < width; c++, i++) {
                h.put(i, activation(kind, h.get(i) + bias[c]));
            }
        }
        if (keep < 1) {
            FloatBuffer dropped = input[l + 1].buffer;
            FloatBuffer mask = keepScale[l + 1].buffer;
            float scale = 1f / keep;
            for (int i = 0, n = batch * width; i < n; i++) {
                float m = dropoutRandom.nextDouble() < keep ? scale : 0f;
                mask.put(i, m);
                dropped.put(i, h.get(i) * m);
            }
        }
    }

    private static float activation(ActivationKind kind, float x) {
        return switch (kind) {
            case RELU -> x > 0 ? x : 0f;
            case LEAKY_RELU -> x > 0 ? x : LEAKY_SLOPE * x;
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> (float) (1 / (1 + Math.exp(-x)));
            case IDENTITY -> x;
            default -> throw new IllegalStateException(kind + " is not on the fast path");
        };
    }

    /** The activation's derivative, from its output (all supported ones allow that). */
    private static float derivative(ActivationKind kind, float y) {
        return switch (kind) {
            case RELU -> y > 0 ? 1f : 0f;
            case LEAKY_RELU -> y > 0 ? 1f : LEAKY_SLOPE;
            case TANH -> 1 - y * y;
            case SIGMOID -> y * (1 - y);
            case IDENTITY -> 1f;
            default -> throw new IllegalStateException(kind + " is not on the fast path");
        };
    }

    /** Softmax of the output layer, the mean cross-entropy, and (p − onehot) / batch into delta. */
    private double softmaxLoss(int[] order, int from, int batch) {
        int l = layers - 1;
        int classes = widths[layers];
        float[] bias = biasCopy[l];
        params.get(biasOffset[l], bias);
        FloatBuffer z = delta[l].buffer;
        float[] row = outputRow;
        double lossSum = 0;
        float perExample = 1f / batch;
        for (int r = 0; r < batch; r++) {
            int base = r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                row[c] = z.get(base + c) + bias[c];
                max = Math.max(max, row[c]);
            }
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                row[c] = (float) Math.exp(row[c] - max);
                sum += row[c];
            }
            int label = labels[order[from + r]];
            for (int c = 0; c < classes; c++) {
                float p = row[c] / sum;
                if (c == label) {
                    lossSum -= Math.log(Math.max(p, PROBABILITY_FLOOR));
                    p -= 1;
                }
                z.put(base + c, p * perExample);
            }
        }
        return lossSum / batch;
    }

    private void biasGradient(int l, int batch) {
        int width = widths[l + 1];
        float[] sums = biasCopy[l];
        java.util.Arrays.fill(sums, 0f);
        FloatBuffer d = delta[l].buffer;
        for (int r = 0, i = 0; r < batch; r++) {
            for (int c = 0; c < width; c++, i++) sums[c] += d.get(i);
        }
        gradient.buffer.put(biasOffset[l], sums);
    }

    /** delta[l − 1] holds ∂loss/∂input[l]; turn it into ∂loss/∂(pre-activation of layer l − 1). */
    private void backThroughActivation(int l, int batch) {
        FloatBuffer d = delta[l - 1].buffer;
        FloatBuffer h = hidden[l].buffer;
        ActivationKind kind = activations[l];
        int n = batch * widths[l];
        if (keep < 1) {
            FloatBuffer mask = keepScale[l].buffer;
            for (int i = 0; i < n; i++) d.put(i, d.get(i) * mask.get(i) * derivative(kind, h.get(i)));
        } else {
            for (int i = 0; i < n; i++) d.put(i, d.get(i) * derivative(kind, h.get(i)));
        }
    }

    private void update() {
        if (!adam) {
            cblas_saxpy(parameterCount, -learningRate, gradient.pointer, 1, paramsPointer, 1);
            return;
        }
        // libnd4j's adamUpdater, which DL4J's Adam calls: the bias corrections fold into one step size.
        int t = iteration + 1;
        float step = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        FloatBuffer g = gradient.buffer;
        for (int i = 0; i < parameterCount; i++) {
            float grad = g.get(i);
            float m = BETA1 * moment1.get(i) + grad * (1 - BETA1);
            float v = BETA2 * moment2.get(i) + grad * grad * (1 - BETA2);
            moment1.put(i, m);
            moment2.put(i, v);
            params.put(i, params.get(i) - m * step / ((float) Math.sqrt(v) + ADAM_EPSILON));
        }
    }

    /** Native float memory seen both as a pointer (for BLAS) and as a buffer (for Java loops). */
    private record Native(INDArray owner, FloatPointer pointer, FloatBuffer buffer) implements AutoCloseable {
        static Native zeros(long length) {
            return of(Nd4j.zeros(DataType.FLOAT, length));
        }

        static Native of(INDArray array) {
            if (array.offset() != 0) array = array.dup();
            return new Native(array, (FloatPointer) array.data().addressPointer(), array.data().asNioFloat());
        }

        @Override
        public void close() {
            owner.close();
        }
    }
}
