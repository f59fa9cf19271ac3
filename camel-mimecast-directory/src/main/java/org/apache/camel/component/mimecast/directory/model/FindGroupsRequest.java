package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The query of find-groups. Both fields are optional; no query lists every group.
 *
 * @param query  text the group name must contain
 * @param source {@code cloud} or {@code ldap}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindGroupsRequest(String query, String source) implements RequestItem {

    @Override
    public void validate(String operation) {
        RequestChecks.checkSource(source, operation);
    }

    /** This query with the fields it leaves unset taken from {@code defaults} (the headers and options). */
    public FindGroupsRequest withDefaults(FindGroupsRequest defaults) {
        return new FindGroupsRequest(query != null ? query : defaults.query, source != null ? source : defaults.source);
    }
}
