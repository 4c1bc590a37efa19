package org.mnistlab.network;

import org.nd4j.linalg.activations.Activation;

/** Activation functions a hidden layer may use, each backed by DL4J's implementation. */
public enum ActivationKind {
    RELU("ReLU", Activation.RELU),
    LEAKY_RELU("Leaky ReLU", Activation.LEAKYRELU),
    TANH("tanh", Activation.TANH),
    SIGMOID("sigmoid", Activation.SIGMOID),
    ELU("ELU", Activation.ELU),
    GELU("GELU", Activation.GELU),
    SELU("SELU", Activation.SELU),
    SWISH("Swish", Activation.SWISH),
    IDENTITY("identity", Activation.IDENTITY);

    private final String label;
    private final Activation dl4j;

    ActivationKind(String label, Activation dl4j) {
        this.label = label;
        this.dl4j = dl4j;
    }

    public Activation dl4j() {
        return dl4j;
    }

    /** Accepts the enum name or its label in any case, with or without "-"/"_" ("leaky-relu"). */
    public static ActivationKind parse(String text) {
        return Names.parse(ActivationKind.class, "activation", text);
    }

    @Override
    public String toString() {
        return label;
    }
}
