package org.mnistlab.drawing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws digits the way a person draws them with a mouse on the lab's 280×280 pad: thick round
 * strokes, anywhere on the canvas, in any size from small to nearly full height, slanted, wobbly,
 * and cornered where the mouse moved fast between two events.
 *
 * <p>Each digit has a few stroke templates (a 7 with and without a crossbar, a 1 with and without a
 * flag, a 4 open and closed, ...) in a unit box about 0.6 wide and 1 high, y pointing down. Every
 * image bends its template with a smooth random field, nudges separate strokes apart, then scales,
 * stretches, slants, turns and places it at random. The seed of image {@code n} of digit {@code d}
 * depends on nothing else, so any one file can be regenerated alone.
 *
 * <p>Regenerate the committed set with {@code main}; see {@code src/test/resources/mouse-digits/README.md}.
 */
public final class MouseDigitRenderer {
    public static final int CANVAS = 280;
    public static final int PER_DIGIT = 20;
    public static final String RESOURCE_FOLDER = "src/test/resources/mouse-digits";
    /** Templates per digit; image {@code n} uses template {@code n % VARIANTS}. */
    static final int VARIANTS = 2;
    private static final long SEED = 2026_11_23L;

    private MouseDigitRenderer() {}

    /** Writes {@code PER_DIGIT} images of each digit, named {@code 7-013.png}, into the folder given (default: the test resources). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : RESOURCE_FOLDER);
        Files.createDirectories(folder);
        for (int digit = 0; digit <= 9; digit++) {
            for (int n = 0; n < PER_DIGIT; n++) {
                ImageIO.write(toGray(render(digit, n)), "png", folder.resolve(fileName(digit, n)).toFile());
            }
        }
        System.out.println("Wrote " + 10 * PER_DIGIT + " digits to " + folder.toAbsolutePath());
    }

    public static String fileName(int digit, int n) {
        return String.format(Locale.ROOT, "%d-%03d.png", digit, n);
    }

    /** Image {@code n} of {@code digit}: white ink on black, like the lab's pad. */
    public static BufferedImage render(int digit, int n) {
        return render(digit, n, SEED);
    }

    /** The same drawing style from another seed: a fresh set to check that results are not luck. */
    public static BufferedImage render(int digit, int n, long seed) {
        Random random = new Random(seed + 1000L * digit + n);
        List<List<double[]>> strokes = deform(template(digit, n % VARIANTS), random);
        float width = 16 + 8 * random.nextFloat();
        strokes = placeOnCanvas(strokes, width, random);

        List<Stroke> drawn = new ArrayList<>();
        for (List<double[]> stroke : strokes) drawn.add(asStroke(mouseEvents(stroke, random)));

        // Drawn as the pad draws, in colour: callers also check that colour files read like grey ones.
        BufferedImage image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        StrokeRenderer.draw(g, drawn, width);
        g.dispose();
        return image;
    }

    private static Stroke asStroke(List<double[]> events) {
        return new Stroke(events.stream().map(p -> new Stroke.Point(p[0], p[1])).toList());
    }

    /** The strokes of a digit in its unit box, each a polyline in the order a hand would draw it. */
    static List<List<double[]>> template(int digit, int variant) {
        Strokes s = new Strokes();
        switch (digit) {
            case 0 -> {
                if (variant == 0) s.arc(0.30, 0.50, 0.30, 0.50, -90, 270);
                else s.arc(0.30, 0.50, 0.27, 0.50, -60, -440); // anticlockwise, ends overlapping
            }
            case 1 -> {
                if (variant == 0) s.line(0.30, 0.0, 0.30, 1.0);
                else s.line(0.08, 0.24, 0.32, 0.0, 0.32, 1.0); // with a flag
            }
            case 2 -> {
                s.arc(0.30, 0.27, 0.28, 0.26, -170, 25);
                if (variant == 0) {
                    s.then(0.02, 1.0, 0.62, 0.98);
                } else { // a curly 2: a small loop where the diagonal meets the base
                    s.then(0.10, 0.86, 0.03, 0.96, 0.08, 1.0, 0.16, 0.92, 0.22, 0.96, 0.62, 1.0);
                }
            }
            case 3 -> {
                if (variant == 0) {
                    s.arc(0.28, 0.25, 0.27, 0.25, -160, 90);
                    s.thenArc(0.28, 0.74, 0.31, 0.26, -90, 160);
                } else { // flat top
                    s.line(0.04, 0.0, 0.56, 0.0, 0.22, 0.40);
                    s.thenArc(0.28, 0.70, 0.32, 0.30, -100, 160);
                }
            }
            case 4 -> {
                if (variant == 0) { // open: the left side does not reach the stem
                    s.line(0.08, 0.0, 0.03, 0.62, 0.62, 0.62);
                    s.line(0.46, 0.12, 0.46, 1.0);
                } else { // closed: stem up, diagonal down, bar across
                    s.line(0.46, 1.0, 0.46, 0.0, 0.0, 0.64, 0.62, 0.64);
                }
            }
            case 5 -> {
                if (variant == 0) {
                    s.line(0.56, 0.0, 0.12, 0.0, 0.08, 0.42);
                    s.thenArc(0.28, 0.68, 0.30, 0.30, -140, 150);
                } else { // the flag as a second stroke, drawn last
                    s.line(0.12, 0.0, 0.08, 0.42);
                    s.thenArc(0.28, 0.68, 0.30, 0.30, -140, 150);
                    s.line(0.12, 0.0, 0.58, 0.02);
                }
            }
            case 6 -> {
                if (variant == 0) {
                    s.quad(0.50, 0.0, 0.06, 0.22, 0.04, 0.72);
                } else {
                    s.line(0.46, 0.0, 0.04, 0.70);
                }
                s.thenArc(0.30, 0.72, 0.26, 0.27, 180, -170);
            }
            case 7 -> {
                s.line(0.0, 0.02, 0.60, 0.0, 0.22, 1.0);
                if (variant == 1) s.line(0.14, 0.52, 0.54, 0.50); // crossbar
            }
            case 8 -> {
                if (variant == 0) { // one stroke, small loop on a larger one
                    List<double[]> eight = new ArrayList<>();
                    for (int i = 0; i <= 76; i++) {
                        double t = i * (2 * Math.PI + 0.3) / 76;
                        double y = 0.5 - 0.5 * Math.cos(t);
                        double w = y < 0.5 ? 0.22 : 0.30;
                        eight.add(new double[] {0.30 - w * Math.sin(2 * t), y});
                    }
                    s.strokes.add(eight);
                } else { // two stacked circles
                    s.arc(0.30, 0.24, 0.22, 0.24, -90, 270);
                    s.arc(0.30, 0.72, 0.30, 0.27, -90, 270);
                }
            }
            case 9 -> {
                s.arc(0.30, 0.27, 0.27, 0.27, 0, -360);
                if (variant == 0) s.then(0.52, 1.0);
                else s.then(0.55, 0.78, 0.45, 0.97, 0.24, 1.0); // stem with a hooked tail
            }
            default -> throw new IllegalArgumentException("not a digit: " + digit);
        }
        return s.strokes;
    }

    /**
     * Bends the template with a smooth random displacement (two long waves, so curves stay curves),
     * and shifts each stroke a little on its own: separate mouse strokes never meet exactly.
     */
    private static List<List<double[]>> deform(List<List<double[]>> template, Random random) {
        double[][] waves = new double[4][];
        for (int i = 0; i < waves.length; i++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double k = 2 * Math.PI / (0.8 + 0.8 * random.nextDouble());
            waves[i] = new double[] {k * Math.cos(angle), k * Math.sin(angle),
                    random.nextDouble() * 2 * Math.PI, 0.04 * random.nextDouble()};
        }
        List<List<double[]>> out = new ArrayList<>();
        for (List<double[]> stroke : template) {
            double dx = template.size() > 1 ? 0.025 * random.nextGaussian() : 0;
            double dy = template.size() > 1 ? 0.025 * random.nextGaussian() : 0;
            List<double[]> moved = new ArrayList<>();
            for (double[] p : stroke) {
                double x = p[0] + dx, y = p[1] + dy;
                double wx = wave(waves[0], p) + wave(waves[1], p);
                double wy = wave(waves[2], p) + wave(waves[3], p);
                moved.add(new double[] {x + wx, y + wy});
            }
            out.add(moved);
        }
        return out;
    }

    private static double wave(double[] w, double[] p) {
        return w[3] * Math.sin(w[0] * p[0] + w[1] * p[1] + w[2]);
    }

    /**
     * Scales to a height of 100–230 px with its own width factor, slants and turns it, then puts it
     * anywhere it fits on the canvas: a pad user rarely draws in the middle.
     */
    private static List<List<double[]>> placeOnCanvas(List<List<double[]>> strokes, float width, Random random) {
        double height = 100 + 130 * random.nextDouble();
        double widthFactor = 0.8 + 0.45 * random.nextDouble();
        double slant = -0.15 + 0.45 * random.nextDouble(); // mostly leaning right, as handwriting does
        double turn = Math.toRadians(-10 + 20 * random.nextDouble());
        double cos = Math.cos(turn), sin = Math.sin(turn);
        List<List<double[]>> out = new ArrayList<>();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (List<double[]> stroke : strokes) {
            List<double[]> placed = new ArrayList<>();
            for (double[] p : stroke) {
                double x = (p[0] - 0.3) * height * widthFactor;
                double y = (p[1] - 0.5) * height;
                x -= slant * y;
                double rx = cos * x - sin * y, ry = sin * x + cos * y;
                placed.add(new double[] {rx, ry});
                minX = Math.min(minX, rx);
                maxX = Math.max(maxX, rx);
                minY = Math.min(minY, ry);
                maxY = Math.max(maxY, ry);
            }
            out.add(placed);
        }
        double margin = width / 2 + 3;
        double fit = Math.min(1, Math.min((CANVAS - 2 * margin) / (maxX - minX), (CANVAS - 2 * margin) / (maxY - minY)));
        double left = margin - minX * fit + random.nextDouble() * Math.max(0, CANVAS - 2 * margin - (maxX - minX) * fit);
        double top = margin - minY * fit + random.nextDouble() * Math.max(0, CANVAS - 2 * margin - (maxY - minY) * fit);
        for (List<double[]> stroke : out) {
            for (double[] p : stroke) {
                p[0] = left + p[0] * fit;
                p[1] = top + p[1] * fit;
            }
        }
        return out;
    }

    /**
     * The points a mouse would report along a stroke: every 5–14 px of travel, each off by a pixel
     * or so. Curves drawn this way come out slightly polygonal, as they do on the pad.
     */
    private static List<double[]> mouseEvents(List<double[]> stroke, Random random) {
        List<double[]> events = new ArrayList<>();
        events.add(jitter(stroke.get(0), random));
        double untilNext = 5 + 9 * random.nextDouble();
        for (int i = 1; i < stroke.size(); i++) {
            double[] a = stroke.get(i - 1), b = stroke.get(i);
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double along = 0;
            while (length - along >= untilNext) {
                along += untilNext;
                double t = along / length;
                events.add(jitter(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])}, random));
                untilNext = 5 + 9 * random.nextDouble();
            }
            untilNext -= length - along;
            // Sharp template corners (the top of a 7) are kept: the hand stops there.
            if (i < stroke.size() - 1 && isCorner(a, b, stroke.get(i + 1))) events.add(jitter(b, random));
        }
        events.add(jitter(stroke.get(stroke.size() - 1), random));
        return events;
    }

    private static boolean isCorner(double[] a, double[] b, double[] c) {
        double ux = b[0] - a[0], uy = b[1] - a[1], vx = c[0] - b[0], vy = c[1] - b[1];
        double cosine = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy) + 1e-9);
        return cosine < 0.7;
    }

    private static double[] jitter(double[] p, Random random) {
        return new double[] {p[0] + 0.8 * random.nextGaussian(), p[1] + 0.8 * random.nextGaussian()};
    }

    /** 8-bit grey keeps the 200 files small; the grey value is written as is, so it reads back as drawn. */
    public static BufferedImage toGray(BufferedImage rgb) {
        BufferedImage gray = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = gray.getRaster();
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                raster.setSample(x, y, 0, rgb.getRGB(x, y) & 0xFF);
            }
        }
        return gray;
    }

    /** Builds polylines; arcs and curves are cut into short straight pieces. */
    private static final class Strokes {
        final List<List<double[]>> strokes = new ArrayList<>();

        void line(double... xy) {
            strokes.add(new ArrayList<>());
            then(xy);
        }

        void then(double... xy) {
            List<double[]> last = strokes.get(strokes.size() - 1);
            for (int i = 0; i < xy.length; i += 2) last.add(new double[] {xy[i], xy[i + 1]});
        }

        /** Angles in degrees, 0 pointing right and 90 down; from {@code from} to {@code to} either way round. */
        void arc(double cx, double cy, double rx, double ry, double from, double to) {
            strokes.add(new ArrayList<>());
            thenArc(cx, cy, rx, ry, from, to);
        }

        void thenArc(double cx, double cy, double rx, double ry, double from, double to) {
            int steps = (int) Math.ceil(Math.abs(to - from) / 8);
            for (int i = 0; i <= steps; i++) {
                double a = Math.toRadians(from + (to - from) * i / steps);
                then(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
            }
        }

        /** A quadratic Bézier curve from (x0, y0) bending towards (cx, cy) and ending at (x1, y1). */
        void quad(double x0, double y0, double cx, double cy, double x1, double y1) {
            strokes.add(new ArrayList<>());
            for (int i = 0; i <= 16; i++) {
                double t = i / 16.0, u = 1 - t;
                then(u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1);
            }
        }
    }
}
