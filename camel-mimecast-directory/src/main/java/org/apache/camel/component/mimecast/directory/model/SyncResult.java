package org.apache.camel.component.mimecast.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of execute-sync.
 *
 * @param syncStatus the status of the directory synchronization
 * @param type       the kind of synchronization started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncResult(String syncStatus, String type) {
}
