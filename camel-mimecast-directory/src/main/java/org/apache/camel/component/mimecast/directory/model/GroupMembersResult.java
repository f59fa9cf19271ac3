package org.apache.camel.component.mimecast.directory.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One {@code data} item of a get-group-members response.
 *
 * @param groupMembers the members on this page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupMembersResult(List<Member> groupMembers) {
}
