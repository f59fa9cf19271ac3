package org.apache.camel.component.mimecast.directory.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The directory connection (get-connection). The settings objects differ per server type and are kept as maps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Connection(
        String id,
        String description,
        String serverType,
        String status,
        String lastSync,
        Boolean syncRunning,
        Boolean acknowledgeDisabledAccounts,
        List<Object> domains,
        Map<String, Object> ldapSettings,
        Map<String, Object> adPushSettings,
        Map<String, Object> office365Settings) {
}
