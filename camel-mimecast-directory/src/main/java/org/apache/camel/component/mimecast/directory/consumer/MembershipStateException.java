package org.apache.camel.component.mimecast.directory.consumer;

import org.apache.camel.RuntimeCamelException;

/**
 * The consumer's membership state cannot be read or written. The message names the file (or repository key) and the
 * way out; the state is left as it was, and nothing is emitted from it.
 */
public class MembershipStateException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public MembershipStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public MembershipStateException(String message) {
        super(message);
    }
}
