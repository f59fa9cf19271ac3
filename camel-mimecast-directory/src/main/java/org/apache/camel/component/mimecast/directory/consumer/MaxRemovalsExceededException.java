package org.apache.camel.component.mimecast.directory.consumer;

import org.apache.camel.RuntimeCamelException;

/** A poll would have reported more members of one group as REMOVED than maxRemovals allows. */
public class MaxRemovalsExceededException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public MaxRemovalsExceededException(String message) {
        super(message);
    }
}
