package org.mnistlab.network;

/** One fully connected hidden layer: how many units and which activation. */
public record HiddenLayer(int units, ActivationKind activation) {
    public static final int MAX_UNITS = 4096;

    public HiddenLayer {
        if (activation == null) {
            throw new InvalidSpecException("activation", "every hidden layer needs an activation");
        }
        NetworkSpec.requireBetween("units", units, 1, MAX_UNITS);
    }
}
