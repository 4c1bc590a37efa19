package org.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mnistlab.network.Augmentation;
import org.mnistlab.testing.TestData;

class DigitDistorterTest {
    private static final DigitSet TRAIN = TestData.mnist().train().first(200);

    @ParameterizedTest
    @EnumSource(value = Augmentation.class, names = {"GENTLE", "STRONG"})
    void aDistortedDigitKeepsItsInkWithinBoundsAndInsideTheFrame(Augmentation strength) {
        DigitDistorter distorter = new DigitDistorter(strength.ranges(), 3);
        float[] out = new float[DigitSet.PIXELS];
        float[] scratch = DigitDistorter.scratch();
        double[] ratios = new double[TRAIN.count()];
        for (int i = 0; i < TRAIN.count(); i++) {
            distorter.distort(TRAIN.pixels(), i, out, 0, new SplittableRandom(i), scratch);
            double before = mass(TRAIN.intensities(i));
            double after = mass(out);
            ratios[i] = after / before;
            // Scale ±15 % changes the area by a third; a pixel more on each side of a thin 2-px stroke
            // doubles it: a thin digit may come out with well over twice its ink, never ten times.
            assertTrue(ratios[i] > 0.35 && ratios[i] < 3, strength + " image " + i + ": ink " + before
                    + " became " + after);
            for (float v : out) assertTrue(v >= 0 && v <= 1, "intensity " + v + " outside [0, 1]");
        }
        Arrays.sort(ratios);
        double median = ratios[ratios.length / 2];
        assertTrue(median > 0.8 && median < 1.4, strength + ": the typical digit keeps its ink, median ratio " + median);
    }

    @Test
    void theSameSeedGivesTheSameDigitAndAnotherSeedAnother() {
        DigitDistorter one = new DigitDistorter(Augmentation.STRONG.ranges(), 5);
        DigitDistorter again = new DigitDistorter(Augmentation.STRONG.ranges(), 5);
        float[] a = new float[DigitSet.PIXELS];
        float[] b = new float[DigitSet.PIXELS];
        float[] c = new float[DigitSet.PIXELS];
        one.distort(TRAIN.pixels(), 7, a, 0, new SplittableRandom(11), DigitDistorter.scratch());
        again.distort(TRAIN.pixels(), 7, b, 0, new SplittableRandom(11), DigitDistorter.scratch());
        one.distort(TRAIN.pixels(), 7, c, 0, new SplittableRandom(12), DigitDistorter.scratch());
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another draw distorts differently");
        assertFalse(Arrays.equals(a, TRAIN.intensities(7)), "the digit is changed at all");
    }

    @Test
    void noDistortionGivesTheImageBack() {
        DigitDistorter none = new DigitDistorter(DistortionRanges.NONE, 1);
        float[] out = new float[DigitSet.PIXELS];
        none.distort(TRAIN.pixels(), 3, out, 0, new SplittableRandom(1), DigitDistorter.scratch());
        float[] original = TRAIN.intensities(3);
        for (int i = 0; i < out.length; i++) assertEquals(original[i], out[i], 1e-5f, "pixel " + i);
    }

    @Test
    void aPureRotationTurnsTheDigitAboutTheCentre() {
        // A horizontal bar through the centre, turned by up to 30° either way.
        float[] bar = new float[DigitSet.PIXELS];
        for (int x = 4; x < 24; x++) {
            bar[13 * 28 + x] = 1;
            bar[14 * 28 + x] = 1;
        }
        DigitDistorter rotator = new DigitDistorter(new DistortionRanges(30, 0, 0, 0, 0, 0, 4), 1);
        float[][] copies = rotator.copies(bar, 8, 2);
        for (float[] copy : copies) {
            assertEquals(mass(bar), mass(copy), 0.08 * mass(bar), "a rotation keeps the ink");
            // The ink's centre stays at the frame's centre.
            assertEquals(13.5, centreX(copy), 0.3);
            assertEquals(13.5, centreY(copy), 0.3);
        }
        assertTrue(Arrays.stream(copies).anyMatch(c -> c[13 * 28 + 4] < 0.5), "some copy turns the bar's end away");
    }

    @Test
    void thickeningAddsInkAndThinningRemovesIt() {
        float[] digit = TRAIN.intensities(0);
        DigitDistorter thicker = new DigitDistorter(new DistortionRanges(0, 0, 0, 0, 1, 0, 4), 1);
        double[] masses = Arrays.stream(thicker.copies(digit, 40, 9)).mapToDouble(DigitDistorterTest::mass).toArray();
        double original = mass(digit);
        assertTrue(Arrays.stream(masses).anyMatch(m -> m > 1.2 * original), "some copies are bolder");
        assertTrue(Arrays.stream(masses).anyMatch(m -> m < 0.9 * original), "some copies are finer");
    }

    @Test
    void limitsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DistortionRanges(-1, 0, 0, 0, 0, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new DistortionRanges(0, 0, 1, 0, 0, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new DistortionRanges(0, 0, 0, 0, 2, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new DistortionRanges(0, 0, 0, 0, 0, 1, 0));
    }

    static double mass(float[] image) {
        double sum = 0;
        for (float v : image) sum += v;
        return sum;
    }

    private static double centreX(float[] image) {
        double sum = 0;
        for (int i = 0; i < image.length; i++) sum += image[i] * (i % 28);
        return sum / mass(image);
    }

    private static double centreY(float[] image) {
        double sum = 0;
        for (int i = 0; i < image.length; i++) sum += image[i] * (i / 28);
        return sum / mass(image);
    }
}
