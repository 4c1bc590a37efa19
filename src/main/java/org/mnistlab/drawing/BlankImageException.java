package org.mnistlab.drawing;

/** The image has no ink: there is no digit to read, so none is guessed. */
public class BlankImageException extends ImageInputException {
    public BlankImageException(String message) {
        super(message);
    }
}
