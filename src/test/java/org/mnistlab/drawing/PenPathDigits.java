package org.mnistlab.drawing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A second, harder set of mouse-style digits, made another way than {@link MouseDigitRenderer}:
 * not templates bent by a displacement field, but a simulated hand. Each digit form is a list of
 * key points per stroke; a pen mass on a damped spring chases them one after another (so it
 * rounds corners, overshoots and comes back as a wrist does), trembles with a low-frequency
 * wobble, and is sampled at a mouse's event rate, rounded to whole pixels as mouse events are.
 *
 * <p>Harder than the first set on purpose: turned by up to ±20°, sheared by up to ±0.35, placed
 * anywhere on the 280 px canvas at heights from 40 % to 90 % of it, a brush radius of 6 to 18 px,
 * and one- and two-stroke forms of each digit (1 with and without flag and base, 4 open and closed
 * and in one or two strokes, 7 with and without a bar, 9 closed and open, 5 with its flag as a
 * second stroke, 8 as two loops, …). Image {@code n} of digit {@code d} depends on its own seed
 * alone, so the set is the same on every run; nothing is committed but this code.
 */
public final class PenPathDigits {
    public static final int CANVAS = 280;
    public static final int PER_DIGIT = 30;
    private static final long SEED = 2026_12_01L;

    /** One drawing: its label and its strokes, and the brush width the pad would draw them with. */
    public record Drawing(int label, int n, List<Stroke> strokes, float brushWidth) {
        public InkImage ink() {
            return StrokeRenderer.toInk(strokes, CANVAS, brushWidth);
        }
    }

    private PenPathDigits() {}

    /** All {@code 10 × PER_DIGIT} drawings, digit by digit. */
    public static List<Drawing> all() {
        List<Drawing> out = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            for (int n = 0; n < PER_DIGIT; n++) out.add(draw(digit, n));
        }
        return out;
    }

    public static Drawing draw(int digit, int n) {
        Random random = new Random(SEED + 7919L * digit + n);
        List<double[][]> form = FORMS[digit][n % FORMS[digit].length];
        float brush = 2 * (6 + 12 * random.nextFloat()); // radius 6–18 px
        double height = CANVAS * (0.4 + 0.5 * random.nextDouble());
        double widthScale = 0.8 + 0.45 * random.nextDouble();
        double angle = Math.toRadians(-20 + 40 * random.nextDouble());
        double shear = -0.35 + 0.7 * random.nextDouble();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);

        // Key points onto the canvas, about the form's centre; then placed anywhere it fits.
        List<List<double[]>> placed = new ArrayList<>();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[][] stroke : form) {
            List<double[]> keys = new ArrayList<>();
            for (double[] k : stroke) {
                double x = (k[0] - 0.3 + 0.03 * random.nextGaussian()) * height * widthScale;
                double y = (k[1] - 0.5 + 0.03 * random.nextGaussian()) * height;
                x += shear * -y;
                double rx = cos * x - sin * y;
                double ry = sin * x + cos * y;
                keys.add(new double[] {rx, ry});
                minX = Math.min(minX, rx);
                maxX = Math.max(maxX, rx);
                minY = Math.min(minY, ry);
                maxY = Math.max(maxY, ry);
            }
            placed.add(keys);
        }
        double margin = brush / 2 + 4;
        double fit = Math.min(1, Math.min((CANVAS - 2 * margin) / (maxX - minX), (CANVAS - 2 * margin) / (maxY - minY)));
        double spanX = (maxX - minX) * fit;
        double spanY = (maxY - minY) * fit;
        double left = margin + random.nextDouble() * (CANVAS - 2 * margin - spanX);
        double top = margin + random.nextDouble() * (CANVAS - 2 * margin - spanY);
        List<Stroke> strokes = new ArrayList<>();
        for (List<double[]> keys : placed) {
            List<double[]> canvasKeys = new ArrayList<>();
            for (double[] k : keys) canvasKeys.add(new double[] {left + (k[0] - minX) * fit, top + (k[1] - minY) * fit});
            strokes.add(pen(canvasKeys, height * fit, random));
        }
        return new Drawing(digit, n, strokes, brush);
    }

    /**
     * The hand: a pen of unit mass pulled towards the current key point by a spring and slowed by
     * damping, moving on to the next key point once close; a tremor of two slow sinusoids on top;
     * one mouse event every step, rounded to whole pixels.
     */
    private static Stroke pen(List<double[]> keys, double size, Random random) {
        double stiffness = 0.05 + 0.05 * random.nextDouble();
        double damping = 0.45 + 0.2 * random.nextDouble();
        double reach = size * (0.04 + 0.04 * random.nextDouble());
        double tremor = 0.6 + 2.4 * random.nextDouble();
        double f1 = 0.05 + 0.1 * random.nextDouble();
        double f2 = 0.15 + 0.2 * random.nextDouble();
        double p1 = random.nextDouble() * 2 * Math.PI;
        double p2 = random.nextDouble() * 2 * Math.PI;
        double x = keys.get(0)[0];
        double y = keys.get(0)[1];
        double vx = 0;
        double vy = 0;
        Stroke stroke = Stroke.at(Math.round(x), Math.round(y));
        int target = Math.min(1, keys.size() - 1);
        for (int step = 0; step < 2000; step++) {
            double[] k = keys.get(target);
            double dx = k[0] - x;
            double dy = k[1] - y;
            boolean last = target == keys.size() - 1;
            if (Math.hypot(dx, dy) < (last ? 1.5 : reach)) {
                if (last) break;
                target++;
                continue;
            }
            vx = (vx + stiffness * dx) * (1 - damping);
            vy = (vy + stiffness * dy) * (1 - damping);
            x += vx;
            y += vy;
            double wobble = tremor * (Math.sin(f1 * step + p1) + 0.5 * Math.sin(f2 * step + p2));
            double speed = Math.hypot(vx, vy) + 1e-9;
            // The tremor pushes across the direction of travel, as a wrist's does.
            double ex = x - vy / speed * wobble;
            double ey = y + vx / speed * wobble;
            stroke = stroke.then(Math.round(ex), Math.round(ey));
        }
        return stroke;
    }

    private static double[][] keys(double... xy) {
        double[][] out = new double[xy.length / 2][];
        for (int i = 0; i < out.length; i++) out[i] = new double[] {xy[2 * i], xy[2 * i + 1]};
        return out;
    }

    /** A loop of {@code n} key points round an ellipse, from angle {@code from} through {@code sweep} degrees. */
    private static double[][] loop(double cx, double cy, double rx, double ry, double from, double sweep, int n) {
        double[][] out = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(from + sweep * i / n);
            out[i] = new double[] {cx + rx * Math.cos(a), cy + ry * Math.sin(a)};
        }
        return out;
    }

    private static double[][] join(double[][]... parts) {
        List<double[]> out = new ArrayList<>();
        for (double[][] part : parts) out.addAll(List.of(part));
        return out.toArray(double[][]::new);
    }

    /** The strokes of one form (List.of would take a single stroke's key points for the list itself). */
    private static List<double[][]> form(double[][]... strokes) {
        return List.of(strokes);
    }

    /** Forms of each digit, in a box about 0.6 wide and 1 high, y down; each a list of strokes. */
    private static final List<double[][]>[][] FORMS = forms();

    @SuppressWarnings("unchecked")
    private static List<double[][]>[][] forms() {
        return new List[][] {
            { // 0: anticlockwise from the top, ends overlapping; clockwise, narrower
                form(loop(0.3, 0.5, 0.3, 0.5, -90, -380, 14)),
                form(loop(0.3, 0.5, 0.22, 0.5, -70, 370, 14))},
            { // 1: a stick; with a flag; with a flag and a base (two strokes)
                form(keys(0.3, 0.0, 0.3, 1.0)),
                form(keys(0.1, 0.22, 0.33, 0.0, 0.33, 1.0)),
                form(keys(0.12, 0.2, 0.33, 0.0, 0.33, 1.0), keys(0.1, 1.0, 0.56, 1.0))},
            { // 2: round top and flat base; a sharper, zigzag 2
                form(join(loop(0.3, 0.27, 0.27, 0.25, -170, 200, 8), keys(0.03, 1.0, 0.62, 1.0))),
                form(keys(0.04, 0.18, 0.3, 0.0, 0.56, 0.2, 0.04, 1.0, 0.62, 0.98))},
            { // 3: two bumps; flat top
                form(join(loop(0.28, 0.25, 0.27, 0.25, -160, 250, 8), loop(0.28, 0.74, 0.3, 0.26, -90, 250, 8))),
                form(join(keys(0.04, 0.0, 0.56, 0.0, 0.24, 0.4), loop(0.28, 0.7, 0.3, 0.3, -100, 250, 8)))},
            { // 4: open, two strokes; closed, one stroke; closed, bar as a second stroke
                form(keys(0.1, 0.0, 0.03, 0.62, 0.62, 0.62), keys(0.46, 0.15, 0.46, 1.0)),
                form(keys(0.46, 1.0, 0.46, 0.0, 0.0, 0.64, 0.62, 0.64)),
                form(keys(0.42, 0.0, 0.02, 0.62, 0.6, 0.62), keys(0.44, 0.0, 0.44, 1.0))},
            { // 5: flag as a second stroke; in one stroke
                form(join(keys(0.12, 0.0, 0.08, 0.45), loop(0.3, 0.7, 0.28, 0.28, -130, 250, 8)),
                        keys(0.12, 0.0, 0.58, 0.0)),
                form(join(keys(0.58, 0.0, 0.12, 0.0, 0.08, 0.45), loop(0.3, 0.7, 0.28, 0.28, -130, 250, 8)))},
            { // 6: a curved stem into a loop; a straight stem
                form(join(keys(0.5, 0.0, 0.22, 0.25), loop(0.3, 0.72, 0.26, 0.27, 180, 340, 10))),
                form(join(keys(0.45, 0.0, 0.06, 0.72), loop(0.32, 0.74, 0.26, 0.25, 180, 350, 10)))},
            { // 7: plain; with a bar (two strokes); with a bar and a hooked top
                form(keys(0.03, 0.02, 0.6, 0.0, 0.22, 1.0)),
                form(keys(0.03, 0.02, 0.6, 0.0, 0.22, 1.0), keys(0.15, 0.5, 0.55, 0.5)),
                form(keys(0.02, 0.15, 0.05, 0.0, 0.6, 0.02, 0.25, 1.0), keys(0.2, 0.48, 0.56, 0.52))},
            { // 8: one stroke, S and back; two stacked loops
                form(keys(0.52, 0.1, 0.3, 0.0, 0.08, 0.18, 0.3, 0.45, 0.56, 0.72, 0.3, 1.0, 0.04, 0.75,
                        0.3, 0.47, 0.52, 0.22, 0.42, 0.03)),
                form(loop(0.3, 0.24, 0.22, 0.24, 90, 370, 10), loop(0.3, 0.73, 0.28, 0.27, -90, 370, 10))},
            { // 9: closed loop and straight stem; open loop; loop and stem as two strokes
                form(join(loop(0.3, 0.24, 0.26, 0.24, 0, -360, 10), keys(0.56, 0.24, 0.52, 1.0))),
                form(join(loop(0.3, 0.25, 0.26, 0.24, -40, -300, 10), keys(0.56, 0.3, 0.5, 1.0))),
                form(loop(0.28, 0.24, 0.26, 0.24, 0, -370, 10), keys(0.56, 0.05, 0.52, 1.0))}
        };
    }
}
