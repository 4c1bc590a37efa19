package org.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class DigitSetTest {
    /** 20 images whose first pixel holds the image's index, so images can be told apart. */
    private static DigitSet numbered() {
        byte[] pixels = new byte[20 * 784];
        byte[] labels = new byte[20];
        for (int i = 0; i < 20; i++) {
            pixels[i * 784] = (byte) i;
            labels[i] = (byte) (i % 10);
        }
        return new DigitSet(20, pixels, labels);
    }

    @Test
    void validationSplitIsSeededAndDisjoint() {
        DigitSet[] a = numbered().splitOff(5, 42);
        DigitSet[] b = numbered().splitOff(5, 42);
        assertEquals(15, a[0].count());
        assertEquals(5, a[1].count());
        assertArrayEquals(a[1].pixels(), b[1].pixels());
        Set<Integer> seen = new HashSet<>();
        for (DigitSet part : a) {
            for (int i = 0; i < part.count(); i++) seen.add((int) part.pixels()[i * 784]);
        }
        assertEquals(20, seen.size(), "every image lands in exactly one part");
        assertNotEquals(java.util.Arrays.toString(a[1].labels()),
                java.util.Arrays.toString(numbered().splitOff(5, 7)[1].labels()), "another seed, another split");
    }

    @Test
    void featuresAreScaledOrStandardisedAsInTheNotebooks() {
        byte[] pixels = new byte[784];
        pixels[0] = (byte) 255;
        DigitSet one = new DigitSet(1, pixels, new byte[] {3});
        INDArray scaled = one.features(Normalization.SCALE_01);
        assertEquals(1.0f, scaled.getFloat(0, 0), 1e-6);
        assertEquals(0.0f, scaled.getFloat(0, 1), 1e-6);
        INDArray standard = one.features(Normalization.STANDARDIZE);
        assertEquals((1 - 0.1307f) / 0.3081f, standard.getFloat(0, 0), 1e-5);
        assertEquals(-0.1307f / 0.3081f, standard.getFloat(0, 1), 1e-5);
        assertEquals(1.0f, one.oneHotLabels().getFloat(0, 3), 0);
        assertEquals(1.0f, one.oneHotLabels().sumNumber().floatValue(), 0);
    }
}
