/**
 * "Inside the network": the confusion matrix on the test set linked to its images (a cell click
 * lists them by confidence; one click each for the most confident mistakes and the least
 * confident right answers; an image can go to the drawing pad), the first layer's weights as
 * pictures, and every layer's weight histogram and dead ReLUs. The values come from the engine's
 * {@code inspection} package; this package only shows them.
 *
 * <p>Threads: the current model is inspected on a background task when it changes (once per
 * epoch during a run) while the tab is shown ({@code LatestOnly}: only the newest result is
 * shown); results arrive on the FX thread, and the chosen cell or list stays chosen across them.
 */
package org.mnistlab.ui.inside;
