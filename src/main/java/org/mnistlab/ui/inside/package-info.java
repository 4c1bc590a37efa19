/**
 * "Inside the network": the confusion matrix of the current model on the test set, linked to the
 * images of each cell, the first layer's weight pictures and each layer's weight histogram and
 * dead units ({@code InsideViewModel}, from the engine's {@code inspection.NetworkInspection}).
 *
 * <p>Threads: the inspection runs on a background task ({@code LatestOnly}: only the newest result
 * is shown), at most once per model and only while the tab is on screen; results and the user's
 * selection live on the FX thread.
 */
package org.mnistlab.ui.inside;
