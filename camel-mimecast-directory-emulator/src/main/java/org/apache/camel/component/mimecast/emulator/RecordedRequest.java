package org.apache.camel.component.mimecast.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the emulator received, with the status it answered.
 *
 * @param path      the request path
 * @param headers   the request headers, names in lower case
 * @param body      the request body as text
 * @param status    the HTTP status answered, 0 when the connection was dropped
 * @param receivedAt when it arrived
 */
public record RecordedRequest(String path, Map<String, List<String>> headers, String body, int status,
        Instant receivedAt) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The x-mc-req-id. */
    public String requestId() {
        return header("x-mc-req-id");
    }

    /** The operation name, e.g. {@code find-groups}. */
    public String operation() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
