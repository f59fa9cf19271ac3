package org.apache.camel.example.mimecast.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.apache.camel.example.mimecast.support.ExampleJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node against real Mimecast as the README configures it, in its own JVM with the environment variables (an
 * emulator plays Mimecast; the database is the embedded PostgreSQL, which accepts any password): the database
 * password never reaches the log, which Camel Main fills at startup with the properties it read from the environment.
 */
class MembersHaRealNodeTest {

    private static final String PASSWORD = "SENTINEL-DB-PASSWORD";

    @TempDir
    Path dir;

    @Test
    void theDatabasePasswordNeverReachesTheLog() throws Exception {
        try (MimecastEmulator real = MimecastEmulator.builder().build().start();
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"))) {
            real.directory().createGroup("Other");
            String group = real.directory().createGroup("Real Group").id();
            real.directory().addMembers(group, 3);
            Path haDir = dir.resolve("ha");
            Path log = dir.resolve("node-1.log");

            Map<String, String> env = new HashMap<>();
            env.put("MIMECAST_ACCESS_KEY", real.credentials().accessKey());
            env.put("MIMECAST_SECRET_KEY", real.credentials().secretKey());
            env.put("MIMECAST_APP_ID", real.credentials().appId());
            env.put("MIMECAST_APP_KEY", real.credentials().appKey());
            env.put("MIMECAST_BASE_URL", real.baseUrl());
            env.put("MIMECAST_GROUP_ID", group);
            env.put("MEMBERS_HA_DIR", haDir.toString());
            env.put("MEMBERS_HA_JDBC_URL", postgres.jdbcUrl());
            env.put("MEMBERS_HA_DB_PASSWORD", PASSWORD);
            env.put("MEMBERS_HA_POLL_DELAY_MILLIS", "200");
            env.put("MEMBERS_HA_LOCK_INTERVAL_MILLIS", "300");
            Process node = ExampleJvm.start(MembersHaNode.class, List.of("MIMECAST_", "MEMBERS_HA_"), env, log,
                    "node-1");
            try {
                // The baseline written (the state committed to PostgreSQL) and the startup summaries logged
                await().atMost(60, TimeUnit.SECONDS).until(() -> Files.exists(haDir.resolve("changes.jsonl"))
                        && Files.readAllLines(haDir.resolve("changes.jsonl")).size() == 3
                        && Files.readString(log).contains("Property-placeholders summary"));
            } finally {
                node.destroyForcibly().waitFor();
            }

            String output = Files.readString(log);
            // Camel prints the values it took from the environment, such as the URL, and masks the password's key.
            assertTrue(output.contains("members-ha.jdbc-url = " + postgres.jdbcUrl()), output);
            assertTrue(output.contains("camel.beans.membersDatabase.password = xxxxxx"), output);
            assertFalse(output.contains(PASSWORD), output);
            assertFalse(output.contains(real.credentials().secretKey()), output);
            assertFalse(output.contains(real.credentials().appKey()), output);
        }
    }
}
