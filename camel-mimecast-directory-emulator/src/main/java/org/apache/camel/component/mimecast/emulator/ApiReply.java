package org.apache.camel.component.mimecast.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response the emulator sends.
 *
 * @param status      the HTTP status
 * @param contentType the content type
 * @param body        the body
 * @param headers     extra headers
 */
record ApiReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static ApiReply json(int status, String json) {
        return new ApiReply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static ApiReply text(int status, String contentType, String text) {
        return new ApiReply(status, contentType, text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    ApiReply withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
