package org.apache.camel.component.mimecast.directory.consumer;

import org.apache.camel.RuntimeCamelException;

/**
 * A get-group-members reply that answered HTTP 200 without the group's data (no {@code data} item, an item without
 * {@code groupMembers}, a member with neither emailAddress nor domain). Taking it as "no members" would report every
 * member as REMOVED, so the group is skipped for this poll: nothing emitted, nothing committed.
 */
public class GroupReadException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final String groupId;

    public GroupReadException(String groupId, String message) {
        super(message);
        this.groupId = groupId;
    }

    public String getGroupId() {
        return groupId;
    }
}
