package org.apache.camel.component.mimecast.directory.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The response envelope: {@code meta}, {@code data} (the results) and {@code fail} (per item failures).
 *
 * @param <T> the type of the data items
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MimecastResponse<T>(ResponseMeta meta, List<T> data, List<ItemFailure> fail) {

    public MimecastResponse {
        data = data == null ? List.of() : data;
        fail = fail == null ? List.of() : fail;
    }

    public String nextPageToken() {
        return meta == null || meta.pagination() == null ? null : meta.pagination().next();
    }

    public String previousPageToken() {
        return meta == null || meta.pagination() == null ? null : meta.pagination().previous();
    }

    public Integer pageSize() {
        return meta == null || meta.pagination() == null ? null : meta.pagination().pageSize();
    }
}
