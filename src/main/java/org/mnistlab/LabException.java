package org.mnistlab;

/**
 * A problem the user can act on: a bad file, a bad value, a blank drawing.
 *
 * <p>Its message is complete and meant to be shown as it is (one line, naming the field or file
 * and what is allowed). The CLI prints it without a stack trace; the window shows it in a notice.
 * Every capability throws a subclass of this for user mistakes, and nothing else.
 */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
