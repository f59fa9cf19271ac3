package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one item of a write request, returned when {@code throwOnItemFailure=false}: either a result or a
 * failure, never both.
 *
 * @param request the request item as it was sent
 * @param result  the result, when the item succeeded
 * @param failure the failure, when the item failed
 * @param <R>     the result type of the operation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult<R>(Object request, R result, ItemFailure failure) {

    public boolean isSuccess() {
        return failure == null;
    }
}
