package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of add-group-member or remove-group-member for one item.
 *
 * @param folderId     the Mimecast ID of the group
 * @param emailAddress the email address added or removed (absent for a domain)
 * @param id           the Mimecast ID of the user or domain
 * @param internal     whether the user or domain is internal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberChangeResult(String folderId, String emailAddress, String id, Boolean internal) {
}
