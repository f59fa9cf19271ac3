package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A membership change seen by the consumer in {@code mode=changes}.
 *
 * @param groupId    the Mimecast ID of the group
 * @param changeType ADDED or REMOVED
 * @param member     the member; for a removed member only its email address (or domain) is known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberChange(String groupId, MemberChangeType changeType, Member member) {
}
