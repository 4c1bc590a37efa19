package org.mnistlab.data;

import org.mnistlab.LabException;

/** A data file that is missing, truncated or not the IDX file it claims to be. */
public class DataFileException extends LabException {
    public DataFileException(String fileName, String problem) {
        super(fileName + ": " + problem);
    }

    public DataFileException(String fileName, String problem, Throwable cause) {
        super(fileName + ": " + problem, cause);
    }
}
