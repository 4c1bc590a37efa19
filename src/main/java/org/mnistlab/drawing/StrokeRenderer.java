package org.mnistlab.drawing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Strokes as a picture: white, anti-aliased, round caps and joins, on black, like the lab's
 * drawing pad. The pad reads its digit from this picture, and the tests draw their mouse digits
 * with it, so the two cannot drift apart.
 */
public final class StrokeRenderer {
    private StrokeRenderer() {}

    /** A {@code size}×{@code size} grey picture of the strokes, {@code width} pixels wide. */
    public static BufferedImage render(List<Stroke> strokes, int size, float width) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, size, size);
            draw(g, strokes, width);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The strokes as ink, for {@link DigitPreprocessor} and for showing on screen. */
    public static InkImage toInk(List<Stroke> strokes, int size, float width) {
        return ImageFiles.toInk(render(strokes, size, width));
    }

    /** Draws the strokes in white onto {@code g} (whatever its image type), keeping its other hints. */
    public static void draw(Graphics2D g, List<Stroke> strokes, float width) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Stroke stroke : strokes) g.draw(path(stroke));
    }

    private static Path2D path(Stroke stroke) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(stroke.first().x(), stroke.first().y());
        for (Stroke.Point p : stroke.points().subList(1, stroke.points().size())) path.lineTo(p.x(), p.y());
        // A single click is a dot: a zero-length path would draw nothing, a tiny one gets round caps.
        if (stroke.points().size() == 1) path.lineTo(stroke.first().x() + 0.01, stroke.first().y());
        return path;
    }
}
