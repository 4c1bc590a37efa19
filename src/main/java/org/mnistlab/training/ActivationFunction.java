package org.mnistlab.training;

import org.mnistlab.network.ActivationKind;

/**
 * The fast path's activations, each with its forward value and its derivative side by side, in
 * the maths of DL4J's own (the constants are DL4J's defaults). Both work on the first {@code n}
 * values of plain arrays, in loops the JIT can vectorise.
 *
 * <p>{@code forward} turns pre-activations {@code z} into outputs {@code a}; {@code backward}
 * multiplies the gradient {@code d} (with respect to {@code a}) by f′, turning it into the gradient
 * with respect to {@code z}. Where f′ follows from the output alone, {@code z} and {@code a} may be
 * the same array; an activation that needs {@code z} says so with {@link #needsPreActivation()}.
 *
 * <p>To add one: a constant here, its case in {@link #of}, and its line in {@code FastPathTest}.
 */
enum ActivationFunction {
    RELU {
        @Override
        void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) a[i] = Math.max(z[i], 0f);
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) d[i] *= positive(a[i]);
        }
    },
    /** DL4J's {@code LEAKYRELU}: slope 0.01 below zero. */
    LEAKY_RELU {
        @Override
        void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) {
                float up = positive(Math.max(a[i], 0f));
                d[i] *= up + (1 - up) * LEAKY_SLOPE;
            }
        }
    },
    TANH {
        @Override
        void forward(float[] z, float[] a, int n) {
            // 1 - 2 / (e^2z + 1) rather than Math.tanh, which the JIT does not intrinsify: the
            // tanh network trained at half the speed of the sigmoid one. Saturates to ±1 exactly.
            for (int i = 0; i < n; i++) a[i] = (float) (1 - 2 / (Math.exp(2.0 * z[i]) + 1));
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) d[i] *= 1 - a[i] * a[i];
        }
    },
    SIGMOID {
        @Override
        void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) a[i] = sigmoid(z[i]);
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) d[i] *= a[i] * (1 - a[i]);
        }
    },
    IDENTITY {
        @Override
        void forward(float[] z, float[] a, int n) {
            if (a != z) System.arraycopy(z, 0, a, 0, n);
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {}
    },
    /** DL4J's {@code ELU} with α = 1: z for z &gt; 0, else eᶻ − 1, whose derivative eᶻ is a + 1. */
    ELU {
        @Override
        void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : (float) Math.expm1(z[i]);
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) d[i] *= a[i] > 0 ? 1f : a[i] + 1;
        }
    },
    /**
     * DL4J's {@code GELU} as 1.0.0-M2.1 computes it by default (its {@code precise} flag off): the
     * sigmoid approximation z·σ(1.702 z), not the tanh form nor the exact erf one.
     */
    GELU {
        @Override
        void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) a[i] = z[i] * sigmoid(GELU_SCALE * z[i]);
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) {
                float s = sigmoid(GELU_SCALE * z[i]);
                d[i] *= s + GELU_SCALE * z[i] * s * (1 - s);
            }
        }

        @Override
        boolean needsPreActivation() {
            return true;
        }
    },
    /** DL4J's {@code SELU}: λ·z for z &gt; 0, else λα(eᶻ − 1), whose derivative λαeᶻ is a + λα. */
    SELU {
        @Override
        void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = z[i] > 0 ? SELU_LAMBDA * z[i] : SELU_LAMBDA_ALPHA * (float) Math.expm1(z[i]);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) d[i] *= a[i] > 0 ? SELU_LAMBDA : a[i] + SELU_LAMBDA_ALPHA;
        }
    },
    /** DL4J's {@code SWISH}: z·σ(z). */
    SWISH {
        @Override
        void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) a[i] = z[i] * sigmoid(z[i]);
        }

        @Override
        void backward(float[] z, float[] a, float[] d, int n) {
            for (int i = 0; i < n; i++) {
                float s = sigmoid(z[i]);
                d[i] *= s + z[i] * s * (1 - s);
            }
        }

        @Override
        boolean needsPreActivation() {
            return true;
        }
    };

    /** DL4J's default for {@code Activation.LEAKYRELU}. */
    private static final float LEAKY_SLOPE = 0.01f;
    /** The 1.702 of DL4J's (and Hendrycks and Gimpel's) sigmoid approximation of GELU. */
    private static final float GELU_SCALE = 1.702f;
    /** SELU's fixed constants (Klambauer et al.), as DL4J's {@code SELU} op holds them. */
    private static final float SELU_LAMBDA = 1.0507009873554804934193349852946f;
    private static final float SELU_LAMBDA_ALPHA = SELU_LAMBDA * 1.6732632423543772848170429916717f;

    abstract void forward(float[] z, float[] a, int n);

    abstract void backward(float[] z, float[] a, float[] d, int n);

    /** Whether {@link #backward} reads {@code z}, so {@code forward} must write its outputs elsewhere. */
    boolean needsPreActivation() {
        return false;
    }

    static ActivationFunction of(ActivationKind kind) {
        return switch (kind) {
            case RELU -> RELU;
            case LEAKY_RELU -> LEAKY_RELU;
            case TANH -> TANH;
            case SIGMOID -> SIGMOID;
            case IDENTITY -> IDENTITY;
            case ELU -> ELU;
            case GELU -> GELU;
            case SELU -> SELU;
            case SWISH -> SWISH;
        };
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /**
     * 1 for x &gt; 0, 0 for x = 0, exactly, for any x ≥ 0 (even the smallest subnormal, which two
     * factors of 1e30 lift past 1). Written so, the loops around it compile to SIMD code; the
     * obvious {@code x > 0 ? d : 0} branches, mispredicts on half the units and was 20× slower.
     */
    private static float positive(float x) {
        return Math.min(x * 1e30f * 1e30f, 1f);
    }
}
