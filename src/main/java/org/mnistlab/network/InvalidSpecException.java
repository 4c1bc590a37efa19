package org.mnistlab.network;

import org.mnistlab.LabException;

/** A network setting outside what is allowed; {@link #field()} names which one. */
public class InvalidSpecException extends LabException {
    private final String field;

    public InvalidSpecException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The setting at fault, as the CLI and designer name it (e.g. "learning rate"). */
    public String field() {
        return field;
    }
}
