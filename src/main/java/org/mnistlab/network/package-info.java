/**
 * What a network is: the validated {@link org.mnistlab.network.NetworkSpec}, its JSON form, the
 * DL4J configuration built from it, and a trained model (spec plus weights).
 *
 * <p>Depends on {@code data} (normalisation) and DL4J; never on JavaFX.
 */
package org.mnistlab.network;
