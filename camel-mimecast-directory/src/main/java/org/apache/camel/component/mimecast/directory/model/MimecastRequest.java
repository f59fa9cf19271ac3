package org.apache.camel.component.mimecast.directory.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The request envelope: {@code {"meta":{"pagination":{...}},"data":[...]}}.
 *
 * @param meta optional meta (pagination)
 * @param data the request items, an empty list for operations without input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MimecastRequest(RequestMeta meta, List<?> data) {

    public static MimecastRequest of(List<?> data) {
        return new MimecastRequest(null, data);
    }

    public static MimecastRequest paged(Object item, Integer pageSize, String pageToken) {
        RequestMeta meta = pageSize == null && pageToken == null
                ? null : new RequestMeta(Pagination.request(pageSize, pageToken));
        return new MimecastRequest(meta, List.of(item));
    }
}
