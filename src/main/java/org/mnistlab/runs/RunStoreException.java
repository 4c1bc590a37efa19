package org.mnistlab.runs;

import org.mnistlab.LabException;

/** The run store cannot be opened, read or written; the message says which file and why. */
public class RunStoreException extends LabException {
    public RunStoreException(String message) {
        super(message);
    }

    public RunStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
