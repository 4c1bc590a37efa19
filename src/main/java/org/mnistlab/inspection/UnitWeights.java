package org.mnistlab.inspection;

/**
 * One unit's 784 incoming weights, laid out as the 28×28 image they multiply.
 *
 * @param unit the unit's index in its layer, from 0
 * @param norm the weights' Euclidean (L2) norm
 */
public record UnitWeights(int unit, float[] weights, double norm) {

    public static UnitWeights of(int unit, float[] weights) {
        double sum = 0;
        for (float w : weights) sum += (double) w * w;
        return new UnitWeights(unit, weights, Math.sqrt(sum));
    }

    /**
     * The picture on the diverging scale, scaled to this unit's own largest weight: each template's
     * shape shows even where its weights are small (as ConvNetJS draws its filters); the norm
     * gives the size.
     */
    public int[] argb() {
        return DivergingScale.argb(weights, DivergingScale.maxAbs(weights));
    }
}
