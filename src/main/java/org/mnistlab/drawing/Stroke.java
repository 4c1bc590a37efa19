package org.mnistlab.drawing;

import java.util.ArrayList;
import java.util.List;

/**
 * One line drawn without lifting the pen: the points the mouse (or pen) reported, in the pad's
 * pixels, y pointing down. Immutable, so a reading on another thread can keep the strokes as they
 * were when it started.
 */
public record Stroke(List<Point> points) {
    public record Point(double x, double y) {}

    public Stroke {
        if (points.isEmpty()) throw new IllegalArgumentException("a stroke has at least one point");
        points = List.copyOf(points);
    }

    /** A stroke that starts at (x, y): a dot, until it is extended. */
    public static Stroke at(double x, double y) {
        return new Stroke(List.of(new Point(x, y)));
    }

    /** This stroke continued to (x, y). */
    public Stroke then(double x, double y) {
        List<Point> longer = new ArrayList<>(points.size() + 1);
        longer.addAll(points);
        longer.add(new Point(x, y));
        return new Stroke(longer);
    }

    public Point first() {
        return points.get(0);
    }
}
