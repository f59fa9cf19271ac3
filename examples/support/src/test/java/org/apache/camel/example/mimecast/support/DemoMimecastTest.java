package org.apache.camel.example.mimecast.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoMimecastTest {

    private static final List<String> NEEDS_GROUP = List.of("MIMECAST_GROUP_ID");
    private static final List<String> INBOX = List.of("HR_INBOX");
    /** Values no message may repeat. */
    private static final String SECRET = "SENTINEL-SECRET";

    private static Map<String, String> api1() {
        Map<String, String> env = new HashMap<>();
        env.put("MIMECAST_ACCESS_KEY", SECRET + "-access");
        env.put("MIMECAST_SECRET_KEY", SECRET + "-secret");
        env.put("MIMECAST_APP_ID", SECRET + "-app-id");
        env.put("MIMECAST_APP_KEY", SECRET + "-app-key");
        env.put("MIMECAST_REGION", "EU");
        env.put("MIMECAST_GROUP_ID", SECRET + "-group");
        return env;
    }

    private static Map<String, String> api2() {
        Map<String, String> env = new HashMap<>();
        env.put("MIMECAST_CLIENT_ID", SECRET + "-client");
        env.put("MIMECAST_CLIENT_SECRET", SECRET + "-client-secret");
        env.put("MIMECAST_GROUP_ID", SECRET + "-group");
        return env;
    }

    private static String refusal(Map<String, String> env, List<String> needs, List<String> realSystems) {
        String message = assertThrows(IllegalStateException.class, () -> DemoMimecast.target(env, needs, realSystems))
                .getMessage();
        assertFalse(message.contains(SECRET), "no value in the message: " + message);
        return message;
    }

    @Test
    void theDemoRunsWhenNoConnectionVariableIsSet() {
        assertEquals(Target.DEMO, DemoMimecast.target(Map.of("HR_DRY_RUN", "false", "PATH", "/bin"), NEEDS_GROUP, INBOX));
    }

    @Test
    void apiOneKeysOrAnApiTwoClientChooseRealMimecast() {
        assertEquals(Target.MIMECAST_API_1, DemoMimecast.target(api1(), NEEDS_GROUP, INBOX));
        assertEquals("hmac", Target.MIMECAST_API_1.authMode());
        Map<String, String> baseUrlInsteadOfRegion = api1();
        baseUrlInsteadOfRegion.remove("MIMECAST_REGION");
        baseUrlInsteadOfRegion.put("MIMECAST_BASE_URL", "https://proxy.example.com");
        assertEquals(Target.MIMECAST_API_1, DemoMimecast.target(baseUrlInsteadOfRegion, NEEDS_GROUP, INBOX));

        assertEquals(Target.MIMECAST_API_2, DemoMimecast.target(api2(), NEEDS_GROUP, INBOX));
        assertEquals("oauth2", Target.MIMECAST_API_2.authMode());
        Map<String, String> regionalHost = api2();
        regionalHost.put("MIMECAST_BASE_URL", "https://us-api.services.mimecast.com");
        assertEquals(Target.MIMECAST_API_2, DemoMimecast.target(regionalHost, NEEDS_GROUP, INBOX));
    }

    @Test
    void aRealRunMayUseRealSystems() {
        Map<String, String> env = api1();
        env.put("HR_INBOX", "/srv/hr");
        assertEquals(Target.MIMECAST_API_1, DemoMimecast.target(env, List.of(), INBOX));
    }

    @Test
    void anyConnectionVariableRulesTheDemoOutAndAnIncompleteRealRunFailsNamingWhatIsMissing() {
        Map<String, String> noSecret = api1();
        noSecret.remove("MIMECAST_SECRET_KEY");
        String message = refusal(noSecret, NEEDS_GROUP, INBOX);
        assertTrue(message.contains("missing or empty: MIMECAST_SECRET_KEY"), message);
        assertTrue(message.contains("not the demo"), message);

        // A secret that came out empty is missing too, and still rules the demo out.
        Map<String, String> emptySecret = api1();
        emptySecret.put("MIMECAST_SECRET_KEY", "");
        assertTrue(refusal(emptySecret, NEEDS_GROUP, INBOX).contains("missing or empty: MIMECAST_SECRET_KEY"));

        assertTrue(refusal(Map.of("MIMECAST_GROUP_ID", SECRET), NEEDS_GROUP, INBOX).contains("no credentials"));
        assertTrue(refusal(Map.of("MIMECAST_ACCESS_KEY", ""), NEEDS_GROUP, INBOX).contains(
                "missing or empty: MIMECAST_ACCESS_KEY, MIMECAST_SECRET_KEY, MIMECAST_APP_ID, MIMECAST_APP_KEY,"
                + " MIMECAST_REGION (or MIMECAST_BASE_URL), MIMECAST_GROUP_ID"));

        Map<String, String> noGroup = api2();
        noGroup.remove("MIMECAST_GROUP_ID");
        assertTrue(refusal(noGroup, NEEDS_GROUP, INBOX).endsWith(
                "missing or empty: MIMECAST_GROUP_ID. To run the demo instead, unset MIMECAST_CLIENT_ID,"
                + " MIMECAST_CLIENT_SECRET."));
        assertEquals(Target.MIMECAST_API_2, DemoMimecast.target(noGroup, List.of(), INBOX), "hr-sync needs none");
    }

    @Test
    void apiTwoTakesNoRegionAndNoApiOneKeys() {
        Map<String, String> withRegion = api2();
        withRegion.put("MIMECAST_REGION", "EU");
        assertTrue(refusal(withRegion, NEEDS_GROUP, INBOX).contains("MIMECAST_REGION selects API 1.0 hosts"));

        Map<String, String> mixed = api2();
        mixed.put("MIMECAST_ACCESS_KEY", SECRET);
        assertTrue(refusal(mixed, NEEDS_GROUP, INBOX).contains("are both set"));

        Map<String, String> noSecret = api2();
        noSecret.remove("MIMECAST_CLIENT_SECRET");
        assertTrue(refusal(noSecret, NEEDS_GROUP, INBOX).contains("missing or empty: MIMECAST_CLIENT_SECRET"));
    }

    @Test
    void theDemoRefusesToStartWhenAVariablePointsAtARealSystem() {
        String message = refusal(Map.of("HR_INBOX", "/srv/hr/" + SECRET), NEEDS_GROUP, INBOX);
        assertTrue(message.contains("this run is the demo") && message.contains("HR_INBOX is set"), message);
        // Set but empty is still a choice the demo does not second-guess.
        assertTrue(refusal(Map.of("HR_INBOX", ""), NEEDS_GROUP, INBOX).contains("HR_INBOX is set"));
    }

    @Test
    void realMimecastIsTheProfileThatReadsTheEnvironment() throws Exception {
        Main main = new Main();
        try (AutoCloseable demo = DemoMimecast.configure(main, Target.MIMECAST_API_2, d -> {
            throw new AssertionError("no demo data against real Mimecast");
        })) {
            assertEquals("mimecast", main.configure().getProfile());
            assertEquals("oauth2", main.getInitialProperties().getProperty(DemoMimecast.AUTH_MODE_PROPERTY));
        }
    }

    @Test
    void theDemoConnectsTheComponentToTheEmbeddedEmulator() {
        try (DemoMimecast demo = DemoMimecast.start(Map.of("members.poll-delay", "2000")::get)) {
            String group = demo.directory().createGroup("Demo").id();
            assertEquals("Demo", demo.emulator().directory().group(group).orElseThrow().description());
            Map<String, String> properties = demo.componentProperties();
            assertEquals(demo.emulator().baseUrl(), properties.get("camel.component.mimecast-directory.base-url"));
            assertEquals(demo.emulator().credentials().appKey(),
                    properties.get("camel.component.mimecast-directory.app-key"));
            assertEquals(5, properties.size(), properties.keySet().toString());
            assertEquals("2000", demo.setting("members.poll-delay"));
            assertNull(demo.setting("members.group-id"));
        }
    }

    @Test
    void theDemosFreshDataResetsTheStateKeptFromAnEarlierDemo(@TempDir Path dir) throws Exception {
        Path state = Files.createDirectories(dir.resolve(".demo-state")).resolve("members.state");
        Files.writeString(state, "group-1=stale");
        try (DemoMimecast demo = DemoMimecast.start(Map.of("members.state-file", state.toString())::get)) {
            demo.dropStateFile("members.state-file");
            assertFalse(Files.exists(state), "the state goes with the emulator's data");
        }
    }

    @Test
    void theDemoNeverDeletesStateOutsideItsOwnFolder(@TempDir Path dir) throws Exception {
        Path realState = Files.writeString(Files.createDirectories(dir.resolve(".state")).resolve("members.state"),
                "group-1=real");
        try (DemoMimecast demo = DemoMimecast.start(Map.of("members.state-file", realState.toString())::get)) {
            String message = assertThrows(IllegalStateException.class, () -> demo.dropStateFile("members.state-file"))
                    .getMessage();
            assertTrue(message.contains("a real run could own"), message);
        }
        assertEquals("group-1=real", Files.readString(realState));
    }

    @Test
    void theDemoDoesNotWriteIntoAFolderARealRunUses(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("demo-output");
        Path real = Files.createDirectories(dir.resolve("real-output").resolve(".state")).getParent();
        try (DemoMimecast demo = DemoMimecast.start(Map.of("fresh", fresh.toString(), "real", real.toString())::get)) {
            assertEquals(fresh, demo.folderOfNoRealRun("fresh", ".state"));
            String message = assertThrows(IllegalStateException.class, () -> demo.folderOfNoRealRun("real", ".state"))
                    .getMessage();
            assertTrue(message.contains("a run against real Mimecast uses it"), message);
        }
    }
}
