package org.mnistlab.data;

import java.util.SplittableRandom;

/**
 * Distorted copies of 28×28 digits, for training on what pens never wrote: the augmentation of
 * Simard, Steinkraus and Platt (2003), an affine map (rotation, shear, scale, translation), a
 * stroke thickening or thinning, and optionally their elastic distortion, all drawn afresh for each
 * image from the {@link DistortionRanges}.
 *
 * <p>Every pixel of the output is sampled, bilinearly, from where the combined map sends it back
 * to in the source, so the whole warp costs one pass; the stroke change is a 3×3 grey dilation or
 * erosion, blended by the drawn fraction of a pixel. The elastic fields are Gaussian-smoothed
 * uniform noise, as in the paper, but drawn once into a bank at construction: smoothing a fresh
 * field for every image would cost more than the training step it feeds, and a bank of 64 fields,
 * each flipped and scaled at random, looks no different to a network.
 *
 * <p>Thread-safe once built: the bank is read-only, and each call takes its random source and
 * working space from the caller.
 */
public final class DigitDistorter {
    private static final int SIDE = DigitSet.SIDE;
    private static final int PIXELS = DigitSet.PIXELS;
    private static final int FIELDS = 64;
    /** The frame with a blank border one pixel wide. */
    private static final int PADDED = SIDE + 2;
    /** MNIST digits are centred by their centre of mass near the middle of the frame. */
    private static final float CENTRE = (SIDE - 1) / 2f;

    private final DistortionRanges ranges;
    /** FIELDS smoothed fields, each dx then dy over the 784 pixels, scaled to a largest |d| of 1. */
    private final float[][] fields;

    public DigitDistorter(DistortionRanges ranges, long seed) {
        this.ranges = ranges;
        this.fields = ranges.elastic() ? elasticBank(ranges.elasticSigma(), new SplittableRandom(seed)) : null;
    }

    public DistortionRanges ranges() {
        return ranges;
    }

    /** Working space for {@link #distort}; one per thread. */
    public static float[] scratch() {
        return new float[3 * PADDED * PADDED];
    }

    /**
     * Writes a distorted copy of image {@code index} of {@code pixels} (raw IDX bytes) into
     * {@code out[outOffset …]} as ink intensities in [0, 1].
     *
     * @param scratch from {@link #scratch()}, not shared between threads
     */
    public void distort(byte[] pixels, int index, float[] out, int outOffset, SplittableRandom random,
            float[] scratch) {
        int base = index * PIXELS;
        for (int y = 0; y < SIDE; y++) {
            int row = (y + 1) * PADDED + 1;
            for (int x = 0; x < SIDE; x++) scratch[row + x] = (pixels[base + y * SIDE + x] & 0xFF) * (1 / 255f);
        }
        distortPadded(scratch, out, outOffset, random);
    }

    /** The same for an image given as intensities in [0, 1] (a drawing, a preview). */
    public float[] distort(float[] intensities, SplittableRandom random) {
        float[] scratch = scratch();
        for (int y = 0; y < SIDE; y++) System.arraycopy(intensities, y * SIDE, scratch, (y + 1) * PADDED + 1, SIDE);
        float[] out = new float[PIXELS];
        distortPadded(scratch, out, 0, random);
        return out;
    }

    /** {@code n} distorted copies of one image, drawn from {@code seed}: the designer's preview strip. */
    public float[][] copies(float[] intensities, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = distort(intensities, random);
        return out;
    }

    /**
     * The image sits in the first PADDED² floats of {@code scratch} with a border of zeros one pixel
     * wide, so that sampling needs one bounds test per pixel instead of four; the warp goes into the
     * second half, padded alike, for the stroke filter.
     */
    private void distortPadded(float[] scratch, float[] out, int outOffset, SplittableRandom random) {
        warp(scratch, random);
        double pixels = draw(random, ranges.strokePixels());
        // Thinning goes half as far as thickening: a whole pixel of erosion wipes out the thin,
        // 2-px strokes that many MNIST digits are written with.
        stroke(scratch, out, outOffset, pixels < 0 ? pixels / 2 : pixels);
    }

    /**
     * The affine map and the elastic field in one pass: each output pixel p samples the source at
     * c + M⁻¹(p + d(p) − c − t), where M = rotation · shear · scale about the centre c.
     */
    private void warp(float[] scratch, SplittableRandom random) {
        double angle = Math.toRadians(draw(random, ranges.rotationDegrees()));
        double shear = draw(random, ranges.shear());
        double scale = 1 + draw(random, ranges.scale());
        double tx = draw(random, ranges.translationPixels());
        double ty = draw(random, ranges.translationPixels());
        // M = R · H · S with H = [[1, shear], [0, 1]], so M⁻¹ = S⁻¹ · H⁻¹ · R⁻¹ with
        // R⁻¹ = [[cos, sin], [−sin, cos]], H⁻¹ = [[1, −shear], [0, 1]], S⁻¹ = 1 / scale.
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float a = (float) ((cos + shear * sin) / scale);
        float b = (float) ((sin - shear * cos) / scale);
        float c = (float) (-sin / scale);
        float d = (float) (cos / scale);
        // The source position of output pixel (0, 0), plus one so that it indexes the padded frame.
        float u0 = (float) (-CENTRE - tx);
        float v0 = (float) (-CENTRE - ty);
        float sx0 = CENTRE + 1 + a * u0 + b * v0;
        float sy0 = CENTRE + 1 + c * u0 + d * v0;
        float[] field = null;
        float fx = 0;
        float fy = 0;
        if (fields != null) {
            field = fields[random.nextInt(FIELDS)];
            float alpha = (float) (random.nextDouble() * ranges.elasticPixels());
            fx = random.nextBoolean() ? alpha : -alpha;
            fy = random.nextBoolean() ? alpha : -alpha;
        }
        int target = PADDED * PADDED;
        for (int y = 0; y < SIDE; y++) {
            float rowX = sx0 + b * y;
            float rowY = sy0 + d * y;
            int outRow = target + (y + 1) * PADDED + 1;
            for (int x = 0; x < SIDE; x++) {
                float sx = rowX + a * x;
                float sy = rowY + c * x;
                if (field != null) {
                    // The displacement is in output pixels; map it back through M⁻¹ as well.
                    int i = y * SIDE + x;
                    float dx = field[i] * fx;
                    float dy = field[PIXELS + i] * fy;
                    sx += a * dx + b * dy;
                    sy += c * dx + d * dy;
                }
                float value = 0;
                if (sx >= 0 && sy >= 0 && sx < PADDED - 1 && sy < PADDED - 1) {
                    int x0 = (int) sx;
                    int y0 = (int) sy;
                    float wx = sx - x0;
                    float wy = sy - y0;
                    int i = y0 * PADDED + x0;
                    float top = scratch[i] + wx * (scratch[i + 1] - scratch[i]);
                    float bottom = scratch[i + PADDED] + wx * (scratch[i + PADDED + 1] - scratch[i + PADDED]);
                    value = top + wy * (bottom - top);
                }
                scratch[outRow + x] = value;
            }
        }
    }

    /**
     * Thickens ({@code pixels} > 0) or thins ({@code pixels} < 0) the warped strokes by blending with
     * their 3×3 grey dilation or erosion: a whole pixel at ±1, the drawn fraction of one below.
     * Both run as a row pass and a column pass; the zero border makes ink at the frame's edge erode
     * against the blank outside, as ink there would.
     */
    private static void stroke(float[] scratch, float[] out, int outOffset, double pixels) {
        int warped = PADDED * PADDED;
        float t = (float) Math.abs(pixels);
        if (t == 0) {
            for (int y = 0; y < SIDE; y++) System.arraycopy(scratch, warped + (y + 1) * PADDED + 1, out, outOffset + y * SIDE, SIDE);
            return;
        }
        boolean thicken = pixels > 0;
        int rows = 2 * warped;
        for (int y = 1; y <= SIDE; y++) {
            for (int x = 1; x <= SIDE; x++) {
                int i = warped + y * PADDED + x;
                float l = scratch[i - 1];
                float m = scratch[i];
                float r = scratch[i + 1];
                scratch[rows + y * PADDED + x] = thicken ? Math.max(l, Math.max(m, r)) : Math.min(l, Math.min(m, r));
            }
        }
        for (int y = 1; y <= SIDE; y++) {
            for (int x = 1; x <= SIDE; x++) {
                int i = rows + y * PADDED + x;
                float up = scratch[i - PADDED];
                float m = scratch[i];
                float down = scratch[i + PADDED];
                float extreme = thicken ? Math.max(up, Math.max(m, down)) : Math.min(up, Math.min(m, down));
                float centre = scratch[warped + y * PADDED + x];
                out[outOffset + (y - 1) * SIDE + x - 1] = centre + t * (extreme - centre);
            }
        }
    }

    /** Uniform in [−limit, limit]; no draw is spent when the distortion is off, so each stays independent. */
    private static double draw(SplittableRandom random, double limit) {
        return limit == 0 ? 0 : (random.nextDouble() * 2 - 1) * limit;
    }

    /**
     * Simard's fields: uniform noise in [−1, 1] for dx and dy, convolved with a Gaussian of width
     * σ, then scaled so that the largest displacement is 1 ({@link DistortionRanges#elasticPixels} then sets it).
     */
    private static float[][] elasticBank(double sigma, SplittableRandom random) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
        float[][] bank = new float[FIELDS][2 * PIXELS];
        float[] noise = new float[PIXELS];
        float[] rows = new float[PIXELS];
        for (float[] field : bank) {
            for (int component = 0; component < 2; component++) {
                for (int i = 0; i < PIXELS; i++) noise[i] = (float) (random.nextDouble() * 2 - 1);
                blur(noise, rows, kernel, radius, true);
                blur(rows, noise, kernel, radius, false);
                System.arraycopy(noise, 0, field, component * PIXELS, PIXELS);
            }
            float largest = 1e-6f;
            for (float v : field) largest = Math.max(largest, Math.abs(v));
            for (int i = 0; i < field.length; i++) field[i] /= largest;
        }
        return bank;
    }

    /** One direction of a separable Gaussian blur, with the field taken as zero outside the frame. */
    private static void blur(float[] in, float[] out, float[] kernel, int radius, boolean horizontal) {
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int sx = horizontal ? x + k : x;
                    int sy = horizontal ? y : y + k;
                    if (sx >= 0 && sy >= 0 && sx < SIDE && sy < SIDE) sum += kernel[k + radius] * in[sy * SIDE + sx];
                }
                out[y * SIDE + x] = sum;
            }
        }
    }
}
