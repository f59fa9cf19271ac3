package org.apache.camel.component.mimecast.directory.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One {@code data} item of a find-groups response.
 *
 * @param folders the groups found
 * @param query   the query of the request
 * @param source  the source of the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FindGroupsResult(List<Group> folders, String query, String source) {
}
