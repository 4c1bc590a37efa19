package org.mnistlab.mydigits;

import org.mnistlab.LabException;

/** A digit that cannot be kept (a label outside 0–9, a blank drawing) or a set file that cannot be read or written. */
public class MyDigitsException extends LabException {
    public MyDigitsException(String message) {
        super(message);
    }

    public MyDigitsException(String message, Throwable cause) {
        super(message, cause);
    }
}
