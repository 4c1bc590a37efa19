/**
 * Training: the {@link org.mnistlab.training.Trainer}, the events it reports to a
 * {@link org.mnistlab.training.TrainingListener}, and the {@link org.mnistlab.training.TrainingControl}
 * that pauses, stops or re-tunes a run from another thread.
 *
 * <p>Depends on {@code data}, {@code network}, {@code evaluation} and DL4J; never on JavaFX. Listeners
 * are called on the training thread: a UI copies what it needs and returns at once.
 */
package org.mnistlab.training;
