package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.apache.camel.component.mimecast.directory.MimecastValidationException;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;

/**
 * A change to a group: a new name, a new parent, or both.
 *
 * @param id          the Mimecast ID of the group (required)
 * @param description the new name
 * @param parentId    the Mimecast ID of the new parent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateGroupRequest(@JsonAlias("groupId") String id, String description, String parentId)
        implements RequestItem {

    @Override
    public void validate(String operation) {
        RequestChecks.requireText(id, operation, "groupId", GROUP_ID, "id");
        if (description == null && parentId == null) {
            throw new MimecastValidationException(
                    "description", operation + " has nothing to change: set description and/or parentId");
        }
        if (description != null && description.isBlank()) {
            throw new MimecastValidationException(
                    "description", operation + " got a blank description: give the new group name or leave it unset");
        }
    }

    /** This change with the fields it leaves unset taken from {@code defaults} (the headers and options). */
    public UpdateGroupRequest withDefaults(UpdateGroupRequest defaults) {
        return new UpdateGroupRequest(id != null ? id : defaults.id,
                description != null ? description : defaults.description,
                parentId != null ? parentId : defaults.parentId);
    }
}
