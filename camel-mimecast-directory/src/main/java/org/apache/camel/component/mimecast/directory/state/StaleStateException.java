package org.apache.camel.component.mimecast.directory.state;

import org.apache.camel.RuntimeCamelException;

/**
 * A write refused because the state changed since the writer read it: another node committed in between (a new
 * leader while this one was paused, or two leaders for a moment). Nothing of the refused write was committed.
 */
public class StaleStateException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public StaleStateException(String message) {
        super(message);
    }
}
