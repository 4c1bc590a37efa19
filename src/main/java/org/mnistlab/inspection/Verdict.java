package org.mnistlab.inspection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The network's answer for one test image.
 *
 * @param index the image's position in its set
 * @param probabilities the 10 class probabilities
 */
public record Verdict(int index, int actual, int predicted, float[] probabilities) {

    public boolean correct() {
        return actual == predicted;
    }

    /** The probability of the answer given. */
    public float confidence() {
        return probabilities[predicted];
    }

    /** The {@code k} most probable digits, most probable first. */
    public int[] top(int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer d) -> probabilities[d]).reversed())
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "Verdict[" + index + ": " + actual + "→" + predicted + " " + Arrays.toString(probabilities) + "]";
    }
}
