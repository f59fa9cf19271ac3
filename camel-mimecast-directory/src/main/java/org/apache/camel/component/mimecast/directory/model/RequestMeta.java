package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code meta} object of a request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestMeta(Pagination pagination) {
}
