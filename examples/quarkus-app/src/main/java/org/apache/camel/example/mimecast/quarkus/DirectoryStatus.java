package org.apache.camel.example.mimecast.quarkus;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.component.mimecast.directory.model.Connection;

/**
 * What GET /directory/status shows of the directory connection: enough to tell whether the sync works, without the
 * connection's server settings.
 *
 * @param connection  the connection's description
 * @param status      Mimecast's status of the connection
 * @param lastSync    when the last sync finished
 * @param syncRunning whether a sync is running now
 * @param healthy     whether the status is "ok"
 */
@RegisterForReflection
public record DirectoryStatus(String connection, String status, String lastSync, boolean syncRunning,
        boolean healthy) {

    public static DirectoryStatus of(Connection connection) {
        return new DirectoryStatus(connection.description(), connection.status(), connection.lastSync(),
                Boolean.TRUE.equals(connection.syncRunning()), "ok".equalsIgnoreCase(connection.status()));
    }
}
