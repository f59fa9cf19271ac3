package org.apache.camel.component.mimecast.directory.producer;

import org.apache.camel.component.mimecast.directory.model.GroupMemberRequest;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberAddress;

/**
 * One member of a group as set-group-members compares them: a user by email address or a whole domain, never both.
 *
 * @param emailAddress the user's address, or null for a domain
 * @param domain       the domain, or null for a user
 */
record WantedMember(String emailAddress, String domain) {

    static WantedMember of(Member member) {
        return member.emailAddress() != null
                ? new WantedMember(member.emailAddress(), null) : new WantedMember(null, member.domain());
    }

    /** The address or domain as given. */
    String value() {
        return emailAddress != null ? emailAddress : domain;
    }

    /** What two members are compared by: the one identity of an address or domain. */
    String key() {
        return MemberAddress.identity(value());
    }

    GroupMemberRequest request(String groupId) {
        return new GroupMemberRequest(groupId, emailAddress, domain, null);
    }
}
