package org.mnistlab.drawing;

/**
 * Makes a drawing look like an MNIST digit, following how MNIST was built (LeCun et al.):
 * <ol>
 *   <li>find the ink's bounding box;</li>
 *   <li>scale it, keeping its aspect ratio, so the longer side is 20 px — averaging the area each
 *       output pixel covers, which anti-aliases the way the original normalisation did;</li>
 *   <li>place it in a 28×28 field so that its centre of mass sits at the centre.</li>
 * </ol>
 * The result is ink in [0, 1]; the model's own normalisation is applied after this, by the model.
 */
public final class DigitPreprocessor {
    public static final int SIDE = 28;
    public static final int BOX = 20;
    /** Ink below this fraction of the darkest stroke is paper noise (JPEG ringing, smudges). */
    private static final float INK_THRESHOLD = 0.1f;
    /** Less total ink than this (in full pixels) is an empty canvas, not a digit. */
    private static final float MIN_INK = 1.0f;
    /** Strongest minus weakest ink below this is one flat colour (a grey card, a blank photo). */
    private static final float MIN_CONTRAST = 0.1f;

    private DigitPreprocessor() {}

    /**
     * What each step of the recipe made, for showing a student the way from drawing to input.
     *
     * @param box the ink's bounding box in the image, [x0, y0, x1, y1)
     * @param scaled the box scaled so its longer side is {@link #BOX} px, {@code scaledWidth × scaledHeight}
     * @param centred the scaled digit placed by its centre of mass in 28×28: the network's input before normalisation
     */
    public record Steps(int[] box, float[] scaled, int scaledWidth, int scaledHeight, float[] centred) {}

    /** @return 784 ink values, row-major 28×28, strongest ink scaled to 1 */
    public static float[] toMnist(InkImage image) {
        return steps(image).centred();
    }

    /** {@link #toMnist}, keeping every intermediate picture. */
    public static Steps steps(InkImage image) {
        float max = 0;
        float min = Float.MAX_VALUE;
        double total = 0;
        for (float v : image.ink()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
            total += v;
        }
        // A uniform image (all mid-grey) has ink everywhere and no digit: no contrast is blank.
        if (max <= 0 || max - min < MIN_CONTRAST || total < MIN_INK * Math.min(1f, max)) {
            throw new BlankImageException("the image is blank: there is no ink to read");
        }
        int[] box = inkBounds(image, max * INK_THRESHOLD);
        int boxWidth = box[2] - box[0];
        int boxHeight = box[3] - box[1];
        float scale = (float) BOX / Math.max(boxWidth, boxHeight);
        int outWidth = Math.max(1, Math.round(boxWidth * scale));
        int outHeight = Math.max(1, Math.round(boxHeight * scale));
        float[] scaled = areaResample(image, box, outWidth, outHeight, 1f / max);
        return new Steps(box, scaled, outWidth, outHeight, centreByMass(scaled, outWidth, outHeight));
    }

    /** [x0, y0, x1, y1), the smallest rectangle holding every pixel with at least {@code threshold} ink. */
    static int[] inkBounds(InkImage image, float threshold) {
        int x0 = image.width(), y0 = image.height(), x1 = -1, y1 = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) >= threshold) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new int[] {x0, y0, x1 + 1, y1 + 1};
    }

    /**
     * Box-filter resampling of the rectangle {@code box} to {@code outW × outH}: each output pixel is
     * the mean ink over the source area it covers, fractional pixels weighted by their coverage.
     */
    static float[] areaResample(InkImage image, int[] box, int outW, int outH, float gain) {
        double stepX = (double) (box[2] - box[0]) / outW;
        double stepY = (double) (box[3] - box[1]) / outH;
        float[] out = new float[outW * outH];
        for (int oy = 0; oy < outH; oy++) {
            double sy0 = box[1] + oy * stepY;
            double sy1 = sy0 + stepY;
            for (int ox = 0; ox < outW; ox++) {
                double sx0 = box[0] + ox * stepX;
                double sx1 = sx0 + stepX;
                double sum = 0;
                // sy0 + stepY can round to just past the box's far edge, which may be the image's.
                int yEnd = (int) Math.min(Math.ceil(sy1), box[3]);
                int xEnd = (int) Math.min(Math.ceil(sx1), box[2]);
                for (int y = (int) Math.floor(sy0); y < yEnd; y++) {
                    double wy = Math.min(sy1, y + 1) - Math.max(sy0, y);
                    for (int x = (int) Math.floor(sx0); x < xEnd; x++) {
                        double wx = Math.min(sx1, x + 1) - Math.max(sx0, x);
                        sum += wx * wy * image.at(x, y);
                    }
                }
                out[oy * outW + ox] = (float) Math.min(1.0, sum / (stepX * stepY) * gain);
            }
        }
        return out;
    }

    /** Pastes the scaled digit into 28×28 with its centre of mass at (14, 14), staying inside the field. */
    static float[] centreByMass(float[] digit, int width, int height) {
        double[] centre = centreOfMass(digit, width);
        int left = (int) Math.round(SIDE / 2.0 - centre[0]);
        int top = (int) Math.round(SIDE / 2.0 - centre[1]);
        left = Math.max(0, Math.min(SIDE - width, left));
        top = Math.max(0, Math.min(SIDE - height, top));
        float[] field = new float[SIDE * SIDE];
        for (int y = 0; y < height; y++) {
            System.arraycopy(digit, y * width, field, (top + y) * SIDE + left, width);
        }
        return field;
    }

    /**
     * Centre of mass of a row-major image {@code width} pixels wide, in pixel units (pixel i spans
     * [i, i+1)): {x, y}. For a 28×28 field, {@code width} is {@link #SIDE}.
     */
    public static double[] centreOfMass(float[] img, int width) {
        double mass = 0, mx = 0, my = 0;
        for (int i = 0; i < img.length; i++) {
            mass += img[i];
            mx += img[i] * (i % width + 0.5);
            my += img[i] * (i / width + 0.5);
        }
        return new double[] {mx / mass, my / mass};
    }
}
