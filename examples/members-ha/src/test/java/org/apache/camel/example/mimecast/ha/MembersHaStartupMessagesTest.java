package org.apache.camel.example.mimecast.ha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a sandbox node says when it finds no sandbox, and where the sandbox writes (both relative to user.dir). */
class MembersHaStartupMessagesTest {

    @TempDir
    Path dir;

    @Test
    void aSandboxNodeWithoutTheSandboxSaysWhereItLookedAndHowToStartIt() throws Exception {
        Map<String, String> env = Map.of("MEMBERS_HA_DIR", dir.toString());
        String message = assertThrows(IllegalStateException.class, () -> MembersHaNode.requireSandbox(env))
                .getMessage();
        Path expected = dir.resolve("sandbox.properties").toAbsolutePath().normalize();
        assertTrue(message.contains("start the sandbox first (looked in " + expected + ")"), message);
        assertTrue(message.contains("-Dexec.mainClass=org.apache.camel.example.mimecast.ha.MembersHaSandbox"), message);

        Files.writeString(expected, "sandbox.group-id=g\n");
        assertDoesNotThrow(() -> MembersHaNode.requireSandbox(env));
    }

    @Test
    void theDefaultDirectoryIsRelativeToTheWorkingDirectoryAsExecJavaUsesIt() {
        assertTrue(MembersHaSandbox.propertiesFile(Map.of())
                .equals(Path.of(System.getProperty("user.dir"), "target", "members-ha", "sandbox.properties")));
    }
}
