/**
 * Train, Pause/Resume and Stop: one run at a time on the session's one training thread, started
 * by a {@code RunStarter} (the {@code Trainer} in the window).
 *
 * <p>Threads: the trainer calls {@code ProgressMailbox} on the training thread, once per batch;
 * it only queues. A {@code FrameClock} on the FX thread drains it at most 30 times a second and
 * updates the run's curves, the status line and progress. The run's end arrives on the FX thread.
 * Pause, Stop and learning-rate changes go the other way through {@code TrainingControl}, taking
 * effect between two batches.
 */
package org.mnistlab.ui.training;
