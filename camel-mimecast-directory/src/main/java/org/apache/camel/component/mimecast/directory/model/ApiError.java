package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One error of a {@code fail[]} entry.
 *
 * @param code      the Mimecast error code, e.g. {@code err_validation_blank}
 * @param message   the human readable message
 * @param retryable whether Mimecast says the same request may succeed later
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(String code, String message, Boolean retryable) {

    public boolean isRetryable() {
        return Boolean.TRUE.equals(retryable);
    }
}
