package org.apache.camel.example.mimecast.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimecastConnectionTest {

    @Test
    void credentialsInTheEnvironmentMeanRealMimecast() {
        Map<String, String> env = Map.of("MIMECAST_ACCESS_KEY", "ak", "MIMECAST_SECRET_KEY", "c2s=",
                "MIMECAST_APP_ID", "app", "MIMECAST_APP_KEY", "key", "MIMECAST_REGION", "US",
                "MIMECAST_GROUP_ID", "g1,g2");
        try (MimecastConnection connection = MimecastConnection.fromEnvironment(env)) {
            assertFalse(connection.isEmulated());
            assertEquals(Map.of("accessKey", "ak", "secretKey", "c2s=", "appId", "app", "appKey", "key", "region", "US"),
                    connection.componentOptions());
            assertEquals("g1,g2", connection.groupIds(emulator -> {
                throw new AssertionError("no demo data against real Mimecast");
            }));
            assertEquals(300_000, connection.pollDelayMillis(2000));
            assertThrows(IllegalStateException.class, connection::emulator);
        }
    }

    @Test
    void aMissingGroupAgainstRealMimecastSaysWhichVariableToSet() {
        try (MimecastConnection connection = MimecastConnection.fromEnvironment(Map.of("MIMECAST_ACCESS_KEY", "ak"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> connection.groupIds(x -> "demo"));
            assertEquals("Set MIMECAST_GROUP_ID to run against real Mimecast", e.getMessage());
        }
    }

    @Test
    void noCredentialsMeansTheEmbeddedEmulatorWithDemoData() {
        try (MimecastConnection connection = MimecastConnection.fromEnvironment(Map.of())) {
            assertTrue(connection.isEmulated());
            String group = connection.groupIds(emulator -> emulator.directory().createGroup("Demo").id());
            assertEquals("Demo", connection.emulator().directory().group(group).orElseThrow().description());
            assertEquals(connection.emulator().baseUrl(), connection.componentOptions().get("baseUrl"));
            assertEquals(2000, connection.pollDelayMillis(2000));
        }
    }

    @Test
    void theEmulatorsFreshDataResetsTheStateKeptFromAnEarlierRun(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("members.state"), "group-1=stale");
        try (MimecastConnection connection = MimecastConnection.fromEnvironment(Map.of())) {
            assertEquals(state.toString(), connection.stateFile(state.toString()));
            assertFalse(Files.exists(state), "the state goes with the emulator's data");
        }
    }

    @Test
    void realMimecastKeepsTheState(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("members.state"), "group-1=kept");
        try (MimecastConnection connection = MimecastConnection.fromEnvironment(Map.of("MIMECAST_ACCESS_KEY", "ak"))) {
            assertEquals(state.toString(), connection.stateFile(state.toString()));
            assertEquals("group-1=kept", Files.readString(state));
        }
    }
}
