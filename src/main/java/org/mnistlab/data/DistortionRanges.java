package org.mnistlab.data;

/**
 * How far {@link DigitDistorter} may bend a digit: each distortion is drawn uniformly from
 * {@code [-limit, +limit]} for every image. Zero turns a distortion off.
 *
 * @param rotationDegrees the digit turns by up to this many degrees either way
 * @param shear a horizontal shear factor (x += shear · y): 0.3 leans the digit by about 17°
 * @param scale the digit grows or shrinks by up to this fraction (0.15 is ±15 %)
 * @param translationPixels the digit moves by up to this many pixels along each axis
 * @param strokePixels strokes thicken by up to this many pixels, or thin by up to half as many (a
 *     grey dilation or erosion, blended by the drawn fraction)
 * @param elasticPixels the largest displacement, in pixels, of the smoothed random field; each
 *     image draws its own strength in [0, this]; 0 means no elastic distortion. (Simard's α is the
 *     same knob in other units: their α = 34 with σ = 4 moves pixels by about 1.4 px on average,
 *     about 4 px at most.)
 * @param elasticSigma Simard et al.'s σ: the width in pixels of the Gaussian that smooths the field
 */
public record DistortionRanges(double rotationDegrees, double shear, double scale, double translationPixels,
        double strokePixels, double elasticPixels, double elasticSigma) {

    /** No distortion at all: the image comes back as it was. */
    public static final DistortionRanges NONE = new DistortionRanges(0, 0, 0, 0, 0, 0, 4);

    public DistortionRanges {
        if (rotationDegrees < 0 || shear < 0 || scale < 0 || scale >= 1 || translationPixels < 0
                || strokePixels < 0 || strokePixels > 1 || elasticPixels < 0 || elasticSigma <= 0) {
            throw new IllegalArgumentException("distortion limits must be >= 0, scale < 1, stroke <= 1 px, sigma > 0");
        }
    }

    public boolean elastic() {
        return elasticPixels > 0;
    }
}
