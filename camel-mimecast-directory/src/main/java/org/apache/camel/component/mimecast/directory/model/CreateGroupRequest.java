package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DESCRIPTION;

/**
 * A group to create.
 *
 * @param description the name of the new group (required)
 * @param parentId    the Mimecast ID of the parent group; absent creates the group at the root
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateGroupRequest(String description, String parentId) implements RequestItem {

    @Override
    public void validate(String operation) {
        RequestChecks.requireText(description, operation, "description", DESCRIPTION, "description");
    }

    /** This request with the fields it leaves unset taken from {@code defaults} (the headers and options). */
    public CreateGroupRequest withDefaults(CreateGroupRequest defaults) {
        return new CreateGroupRequest(description != null ? description : defaults.description,
                parentId != null ? parentId : defaults.parentId);
    }
}
