package org.apache.camel.component.mimecast.directory.client;

import java.net.ConnectException;

/**
 * The proxy answered instead of Mimecast: it refused to open a tunnel (CONNECT) or asked for credentials it did not
 * get (HTTP 407). Nothing reached Mimecast. A {@link ConnectException}, since the connection to Mimecast was not made;
 * only a proxy that could not reach its upstream (502, 503, 504) is worth asking again. The message names the proxy
 * and the fix, never the credentials.
 */
public final class ProxyRefusedException extends ConnectException {

    private final int status;

    ProxyRefusedException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the proxy answered. */
    public int getStatus() {
        return status;
    }

    /** Whether asking again may help: the proxy could not reach Mimecast for now. */
    public boolean isRetryable() {
        return status == 502 || status == 503 || status == 504;
    }
}
