package org.mnistlab.cli;

import org.mnistlab.LabException;

/** A command line that cannot be understood: unknown command or flag, missing or bad value. Exit 2. */
public class UsageException extends LabException {
    public UsageException(String message) {
        super(message);
    }
}
