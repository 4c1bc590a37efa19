/**
 * Model files: one zip per model, written by DL4J's {@code ModelSerializer} with the spec (and so
 * the normalisation) added beside the weights. Saves are atomic ({@link org.mnistlab.storage.AtomicFile},
 * which the charts' PNG and CSV exports use too); loads report what is wrong.
 *
 * <p>Depends on {@code network} and DL4J; never on JavaFX.
 */
package org.mnistlab.storage;
