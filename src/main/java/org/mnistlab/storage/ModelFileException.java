package org.mnistlab.storage;

import org.mnistlab.LabException;

/** A model file that cannot be written, or read as an MNIST Lab model. */
public class ModelFileException extends LabException {
    public ModelFileException(String file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
