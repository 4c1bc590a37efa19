package org.mnistlab.mydigits;

import java.util.List;
import org.mnistlab.data.DigitSet;
import org.mnistlab.drawing.Stroke;

/**
 * One kept drawing: the digit it shows, the 28×28 input the network reads, and the strokes it was
 * drawn with (empty for an imported picture), so it can be drawn again at any size later.
 *
 * @param id its name in the set, unique there ("0007")
 * @param pixels 784 ink values in [0, 1], as stored in its PNG (multiples of 1/255)
 */
public record MyDigit(String id, int label, float[] pixels, List<Stroke> strokes) {
    public MyDigit {
        requireLabel(label);
        if (pixels.length != DigitSet.PIXELS) {
            throw new IllegalArgumentException(pixels.length + " pixels; a digit has " + DigitSet.PIXELS);
        }
        strokes = List.copyOf(strokes);
    }

    /** The same drawing with another label. */
    public MyDigit withLabel(int newLabel) {
        return new MyDigit(id, newLabel, pixels, strokes);
    }

    /** @throws MyDigitsException unless 0 ≤ label ≤ 9 */
    public static void requireLabel(int label) {
        if (label < 0 || label > 9) {
            throw new MyDigitsException("label " + label + " is not a digit: a kept drawing is labelled 0 to 9");
        }
    }

    /** @throws MyDigitsException for a drawing with less ink than one full pixel: no digit */
    public static void requireInk(float[] pixels) {
        double total = 0;
        for (float v : pixels) total += v;
        if (total < 1) throw new MyDigitsException("the drawing is blank: draw a digit before keeping it");
    }

    /** As an 8-bit PNG stores it, so the digit in memory is the digit read back after a restart. */
    public static float[] quantised(float[] pixels) {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.round(Math.max(0, Math.min(1, pixels[i])) * 255) / 255f;
        return out;
    }
}
