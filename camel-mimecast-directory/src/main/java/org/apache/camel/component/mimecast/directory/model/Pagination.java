package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code meta.pagination} object: {@code pageSize} and {@code pageToken} in requests; {@code pageSize},
 * {@code next}, {@code previous} and sometimes {@code totalCount} in responses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pagination(Integer pageSize, String pageToken, String next, String previous, Integer totalCount) {

    public static Pagination request(Integer pageSize, String pageToken) {
        return new Pagination(pageSize, pageToken, null, null, null);
    }
}
