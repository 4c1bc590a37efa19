/**
 * The drawing pad: the user's strokes, the picture they make ({@code drawing.StrokeRenderer}),
 * what the current model reads in it (the MNIST recipe step by step and every hidden layer's
 * activations, linked to the first layer's weight pictures), a test image sent from the inside
 * panel to draw over, dropped image files, and Save model… / Open model….
 *
 * <p>Threads: strokes are taken and rendered on the FX thread; each reading runs on a background
 * task, and a reading that is out of date when it ends is dropped. Model files are read and
 * written in the background; the model changes on the FX thread, through
 * {@code LabContext.useModel}.
 */
package org.mnistlab.ui.pad;
