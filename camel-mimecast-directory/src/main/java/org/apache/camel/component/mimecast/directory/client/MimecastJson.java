package org.apache.camel.component.mimecast.directory.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of the component: lenient on responses (unknown fields ignored), null fields left
 * out of requests.
 */
public final class MimecastJson {

    private MimecastJson() {
    }

    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
