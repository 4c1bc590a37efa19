/**
 * The sample gallery: a page of test images with the current model's answers, mistakes only on
 * request, and one image's probabilities in detail.
 *
 * <p>Threads: re-evaluated on a background task whenever the model, the data or the sample
 * changes while the tab is shown ({@code LatestOnly}: only the newest result is shown); results
 * arrive on the FX thread.
 */
package org.mnistlab.ui.gallery;
