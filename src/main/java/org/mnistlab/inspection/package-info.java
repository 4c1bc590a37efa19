/**
 * Looking inside a trained network, as plain values a window or a command can draw: the
 * confusion matrix's cells with their images sorted by confidence ({@link ConfusionCells}), the
 * first layer's weights as 28×28 pictures ({@link WeightGrid}), each layer's weight histogram and
 * dead-ReLU share ({@link LayerSummary}), and what every hidden layer does with one drawing
 * ({@link ActivationStrip}). Colours come from one {@link DivergingScale}, so the window and the
 * PNG files agree.
 *
 * <p>Depends on {@code data}, {@code network}, {@code evaluation} and ND4J; never on JavaFX or AWT
 * (pictures become files in {@code drawing}).
 */
package org.mnistlab.inspection;
