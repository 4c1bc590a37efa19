/**
 * Judging a network on held-out images: accuracy, test loss, per-class recall and precision, the confusion
 * matrix (DL4J's {@code Evaluation}) and per-image predictions for the gallery.
 *
 * <p>Depends on {@code data}, {@code network} and DL4J; never on JavaFX.
 */
package org.mnistlab.evaluation;
