/**
 * The ND4J runtime under everything: which backend is active (CPU or CUDA), on what device, with
 * how many threads, and quiet logging. Never depends on JavaFX.
 */
package org.mnistlab.backend;
