package org.apache.camel.component.mimecast.directory.model;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The directory connection (get-connection), read as Mimecast documents it. {@code domains} is a String, a comma
 * separated list (the page's sample shows {@code ""}); a JSON array of domains is accepted too and kept in the same
 * comma separated form. Only the settings object of the connection's server type is present.
 *
 * @param domains the synced domains, comma separated, as Mimecast sends them; see {@link #domainList()}
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
        @JsonDeserialize(using = CommaSeparatedText.Deserializer.class) String domains,
        DirectorySettings ldapSettings,
        DirectorySettings adPushSettings,
        Office365Settings office365Settings) {

    /** The synced domains as a list: {@link #domains()} split at commas, blanks dropped. */
    public List<String> domainList() {
        return domains == null ? List.of()
                : Arrays.stream(domains.split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList();
    }

    /**
     * The LDAP settings ({@code active_directory}, {@code domino}) or AD Push settings ({@code ad_push}) of a
     * connection. The port is a Number in the page's sample and a String in its field table: both are read, as text.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DirectorySettings(
            String hostname,
            String rootDn,
            String userDn,
            String encryptionMode,
            String port) {
    }

    /** The Office 365 settings of an {@code office_365} connection. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Office365Settings(String tenantDomain, String clientId) {
    }
}
