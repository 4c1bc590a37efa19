package org.mnistlab.mydigits;

import java.util.List;
import org.mnistlab.drawing.Stroke;

/**
 * A kept drawing's strokes as JSON ({@code strokes_<id>.json}): the points in the pad's pixels,
 * with the canvas and the pen they were drawn on, so the drawing can be rendered again later
 * (at another pen width, or distorted) rather than only its 28×28 picture reused.
 *
 * @param canvas the side of the square canvas, in pixels
 * @param brush the pen's width, in canvas pixels
 */
record StrokesFile(int version, int canvas, double brush, List<Stroke> strokes) {
    /** The pad's canvas and pen (ui.pad.PadViewModel's CANVAS_SIDE and BRUSH). */
    static final int CANVAS = 280;
    static final double BRUSH = 20;

    StrokesFile {
        strokes = strokes == null ? List.of() : List.copyOf(strokes);
    }

    static StrokesFile of(List<Stroke> strokes) {
        return new StrokesFile(1, CANVAS, BRUSH, strokes);
    }
}
