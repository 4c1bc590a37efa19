/**
 * Which MNIST the lab trains on: the bundled copy or a folder the user picks. Owns the data line
 * and its buttons; the data itself is in {@code LabContext.data()}, shared with every panel.
 *
 * <p>Threads: a folder is read on a background task; its success or failure arrives on the FX
 * thread, where the data is swapped, or kept with a notice.
 */
package org.mnistlab.ui.data;
