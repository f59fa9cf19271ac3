package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member of a Mimecast group: a user (email address) or a whole domain.
 *
 * @param emailAddress the member's email address (absent for a domain member)
 * @param name         the display name
 * @param domain       the domain
 * @param type         the member type as Mimecast reports it
 * @param internal     whether the member belongs to one of the account's internal domains
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(String emailAddress, String name, String domain, String type, Boolean internal) {

    /**
     * The identity used to compare memberships: the email address, or the domain for a domain member, as
     * {@link MemberAddress#identity} spells it.
     */
    public String identity() {
        return MemberAddress.identity(emailAddress != null ? emailAddress : domain);
    }

    /**
     * Whether Mimecast listed this member as a whole domain: no email address and the type {@code domain}. A member
     * with only a domain and another type is not taken for a domain member (its domain is the domain of a user's
     * address, as the get-group-members page documents it).
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDomainMember() {
        return emailAddress == null && domain != null && "domain".equalsIgnoreCase(type);
    }
}
