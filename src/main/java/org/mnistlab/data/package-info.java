/**
 * MNIST data: reading IDX files (raw or gzip), the bundled dataset, normalisation and splits.
 *
 * <p>Depends on ND4J only to hand out feature matrices; never on JavaFX.
 */
package org.mnistlab.data;
