package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Mimecast directory group (the API also calls it a folder).
 *
 * @param id          the Mimecast ID of the group
 * @param description the name of the group
 * @param source      where the group comes from ({@code cloud} or {@code ldap})
 * @param parentId    the Mimecast ID of the parent group, absent at the root
 * @param folderCount the number of child groups
 * @param userCount   the number of members
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Group(String id, String description, String source, String parentId, Integer folderCount,
        Integer userCount) {
}
