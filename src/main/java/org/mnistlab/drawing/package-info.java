/**
 * Turning any drawing into the 28×28 input a network expects, the way MNIST itself was made:
 * ink bounding box, longer side scaled to 20 px, pasted so the centre of mass sits at the centre.
 * The CLI's {@code predict} and the window's drawing pad share this one path. Also the PNG files
 * the commands write ({@code PngPictures}): this is the one package that uses AWT.
 *
 * <p>Depends on Java's imaging (AWT image classes, ImageIO) only; never on JavaFX or ND4J.
 */
package org.mnistlab.drawing;
