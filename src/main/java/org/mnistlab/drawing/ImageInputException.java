package org.mnistlab.drawing;

import org.mnistlab.LabException;

/** An image that cannot be read, or holds nothing to classify. */
public class ImageInputException extends LabException {
    public ImageInputException(String message) {
        super(message);
    }

    public ImageInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
