package org.mnistlab.training;

import org.mnistlab.network.InvalidSpecException;

/** A network or batch too large for the memory left; the message says how much it would need. */
public class NotEnoughMemoryException extends InvalidSpecException {
    public NotEnoughMemoryException(String field, String problem) {
        super(field, problem);
    }
}
