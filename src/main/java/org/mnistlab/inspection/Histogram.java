package org.mnistlab.inspection;

/**
 * Counts of values in equal-width bins between their smallest and largest.
 *
 * @param counts {@code counts[i]} values lie in bin i, [min + i·width, min + (i+1)·width)
 */
public record Histogram(double min, double max, int[] counts) {

    public static Histogram of(float[] values, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (!Float.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int[] counts = new int[bins];
        if (min > max) return new Histogram(0, 0, counts); // no finite values at all
        double width = (max - min) / bins;
        for (float v : values) {
            if (!Float.isFinite(v)) continue;
            int bin = width == 0 ? 0 : (int) ((v - min) / width);
            counts[Math.min(bins - 1, bin)]++; // the maximum itself belongs to the last bin
        }
        return new Histogram(min, max, counts);
    }

    public double binWidth() {
        return (max - min) / counts.length;
    }

    public int total() {
        int sum = 0;
        for (int c : counts) sum += c;
        return sum;
    }

    public int largestCount() {
        int most = 0;
        for (int c : counts) most = Math.max(most, c);
        return most;
    }
}
