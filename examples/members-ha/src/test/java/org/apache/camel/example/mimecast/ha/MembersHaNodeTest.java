package org.apache.camel.example.mimecast.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a node and the sandbox accept of their environment, decided before anything starts. */
class MembersHaNodeTest {

    private static final String PASSWORD = "SENTINEL-DB-PASSWORD";

    @TempDir
    Path dir;

    private static Map<String, String> realMimecast() {
        Map<String, String> env = new HashMap<>();
        env.put("MIMECAST_CLIENT_ID", "client");
        env.put("MIMECAST_CLIENT_SECRET", "secret");
        env.put("MIMECAST_GROUP_ID", "group");
        env.put("MEMBERS_HA_JDBC_URL", "jdbc:postgresql://db:5432/camel?user=camel");
        env.put("MEMBERS_HA_DB_PASSWORD", PASSWORD);
        return env;
    }

    @Test
    void aRealNodeNeedsItsDatabaseAndTakesThePasswordApartFromTheUrl() {
        assertEquals(Target.MIMECAST_API_2, MembersHaNode.target(realMimecast()));

        Map<String, String> noDatabase = realMimecast();
        noDatabase.remove("MEMBERS_HA_JDBC_URL");
        String message = assertThrows(IllegalStateException.class, () -> MembersHaNode.target(noDatabase))
                .getMessage();
        assertTrue(message.contains("missing or empty: MEMBERS_HA_JDBC_URL"), message);

        Map<String, String> passwordInUrl = realMimecast();
        passwordInUrl.put("MEMBERS_HA_JDBC_URL", "jdbc:postgresql://db:5432/camel?user=camel&Password=" + PASSWORD);
        message = assertThrows(IllegalStateException.class, () -> MembersHaNode.target(passwordInUrl)).getMessage();
        assertTrue(message.contains("MEMBERS_HA_JDBC_URL holds a password"), message);
        assertFalse(message.contains(PASSWORD), message);
    }

    @Test
    void sandboxNodesRefuseARealRunsDatabaseAndLockDirectory() {
        assertEquals(Target.DEMO, MembersHaNode.target(Map.of("MEMBERS_HA_DIR", dir.toString())));
        for (String variable : new String[] {"MEMBERS_HA_JDBC_URL", "MEMBERS_HA_DB_PASSWORD", "MEMBERS_HA_CLUSTER_DIR"}) {
            String message = assertThrows(IllegalStateException.class,
                    () -> MembersHaNode.target(Map.of(variable, "x"))).getMessage();
            assertTrue(message.contains(variable + " is set"), message);
        }
    }

    @Test
    void theSandboxRefusesARealDatabaseRealMimecastAndARealNodesDirectory() throws Exception {
        String message = assertThrows(IllegalStateException.class, () -> MembersHaSandbox.start(
                Map.of("MEMBERS_HA_DIR", dir.toString(), "MEMBERS_HA_JDBC_URL", "jdbc:postgresql://db/camel")))
                .getMessage();
        assertTrue(message.contains("MEMBERS_HA_JDBC_URL is set"), message);

        message = assertThrows(IllegalStateException.class, () -> MembersHaSandbox.start(realMimecast()))
                .getMessage();
        assertTrue(message.contains("without the sandbox"), message);

        Files.createDirectories(dir.resolve("cluster")); // a real node's lock, and no sandbox.properties
        message = assertThrows(IllegalStateException.class,
                () -> MembersHaSandbox.start(Map.of("MEMBERS_HA_DIR", dir.toString()))).getMessage();
        assertTrue(message.contains("nodes against real Mimecast use it"), message);
        assertFalse(Files.exists(dir.resolve("sandbox.properties")));
    }
}
