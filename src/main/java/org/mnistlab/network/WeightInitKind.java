package org.mnistlab.network;

/** How the starting weights are drawn. */
public enum WeightInitKind {
    /** Glorot/Xavier: variance 2 / (fan-in + fan-out); suits tanh and sigmoid. */
    XAVIER("Xavier"),
    /** He (Kaiming) normal: variance 2 / fan-in; suits ReLU, PyTorch's usual choice for it. */
    HE("He"),
    /** Uniform on [−scale, scale], with {@link NetworkSpec#initScale()}. */
    UNIFORM("Uniform"),
    /**
     * PyTorch's default for {@code nn.Linear}: Kaiming-uniform with a = √5, which comes to
     * U(−1/√fan-in, 1/√fan-in) for the weights <em>and</em> the biases. What the course's PyTorch
     * notebooks train with when they say nothing about initialisation.
     */
    PYTORCH("PyTorch default");

    private final String label;

    WeightInitKind(String label) {
        this.label = label;
    }

    public static WeightInitKind parse(String text) {
        return Names.parse(WeightInitKind.class, "init", text);
    }

    @Override
    public String toString() {
        return label;
    }
}
