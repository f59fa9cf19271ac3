package org.apache.camel.component.mimecast.directory.client;

import java.util.Map;

/**
 * The headers that authenticate one request.
 *
 * @param requestId the x-mc-req-id sent (unique per request)
 * @param headers   header name to value; the Authorization value is a credential and must not be logged
 */
public record AuthenticatedHeaders(String requestId, Map<String, String> headers) {

    @Override
    public String toString() {
        return "AuthenticatedHeaders[requestId=" + requestId + "]";
    }
}
