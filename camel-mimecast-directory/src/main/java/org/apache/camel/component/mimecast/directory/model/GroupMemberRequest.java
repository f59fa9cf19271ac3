package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.apache.camel.component.mimecast.directory.MimecastValidationException;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;

/**
 * A member to add to or remove from a group: exactly one of an email address or a domain.
 *
 * @param id           the Mimecast ID of the group (required)
 * @param emailAddress the user's email address
 * @param domain       a whole domain
 * @param notes        notes on the membership, at most 100 characters (add-group-member only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupMemberRequest(@JsonAlias("groupId") String id, String emailAddress, String domain, String notes)
        implements RequestItem {

    static final String ADD_OPERATION = "add-group-member";

    @Override
    public void validate(String operation) {
        RequestChecks.requireText(id, operation, "groupId", GROUP_ID, "id");
        RequestChecks.requireOneOfEmailOrDomain(emailAddress, domain, operation);
        if (notes != null && !ADD_OPERATION.equals(operation)) {
            throw new MimecastValidationException(
                    "notes", operation + " does not take notes: remove the notes option, header or body field");
        }
        RequestChecks.checkNotes(notes, operation);
    }

    /** This request with the fields it leaves unset taken from {@code defaults} (the headers and options). */
    public GroupMemberRequest withDefaults(GroupMemberRequest defaults) {
        return new GroupMemberRequest(id != null ? id : defaults.id,
                emailAddress != null ? emailAddress : defaults.emailAddress,
                domain != null ? domain : defaults.domain, notes != null ? notes : defaults.notes);
    }
}
