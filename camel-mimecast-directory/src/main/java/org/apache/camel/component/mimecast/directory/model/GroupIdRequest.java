package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;

/**
 * A request naming one group, for get-group-members and delete-group.
 *
 * @param id the Mimecast ID of the group
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupIdRequest(@JsonAlias("groupId") String id) implements RequestItem {

    @Override
    public void validate(String operation) {
        RequestChecks.requireText(id, operation, "groupId", GROUP_ID, "id");
    }

    /** This request, or {@code defaults} (the headers and options) when it names no group. */
    public GroupIdRequest withDefaults(GroupIdRequest defaults) {
        return id != null ? this : defaults;
    }
}
