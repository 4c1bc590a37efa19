/**
 * The student's own digits ("My digits"): drawings kept from the pad with the digit they show,
 * as a personal set in the user's data folder ({@link MyDigitsStore}); its zip of PNGs plus a
 * labels CSV, so a class can pool its drawings; and how the set joins a training run,
 * oversampled so that it counts ({@link MyDigitsTraining}).
 *
 * <p>Depends on {@code data}, {@code drawing} (PNG files), {@code storage} (atomic writes, the
 * data folder) and {@code network} (JSON); never on JavaFX.
 */
package org.mnistlab.mydigits;
