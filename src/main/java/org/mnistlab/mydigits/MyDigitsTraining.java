package org.mnistlab.mydigits;

import java.util.List;
import org.mnistlab.data.DigitSet;

/**
 * How the personal set joins a training run: each drawing is repeated, so that a handful of
 * them is not lost among 60,000 MNIST images.
 *
 * <p>Ten drawings shown once an epoch would be 1 image in 6,000, and the network would hardly
 * notice them. Repeated {@value #MAX_COPIES} times they are 500 images, about one in every batch
 * of 100, enough for the network to learn the student's hand within an epoch or two; with "Distort
 * training images" on, every copy is distorted afresh, so the copies are not identical. A large
 * pooled set gets fewer copies, so that it never makes up more than {@value #MAX_SHARE_PERCENT} %
 * of an epoch: the network should still learn MNIST, not only the class's hands.
 */
public final class MyDigitsTraining {
    public static final int MAX_COPIES = 50;
    public static final int MAX_SHARE_PERCENT = 10;

    private MyDigitsTraining() {}

    /** How many times each of {@code mine} drawings is shown per epoch beside {@code trainImages} others. */
    public static int copies(int mine, int trainImages) {
        if (mine <= 0) return 0;
        long fit = (long) trainImages * MAX_SHARE_PERCENT / 100 / mine;
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
