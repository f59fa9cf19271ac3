package org.apache.camel.example.mimecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.ExampleJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile mimecast as a user starts it: the main class in its own JVM with MIMECAST_* environment variables (an
 * emulator plays real Mimecast), with API 1.0 keys or an API 2.0 client.
 */
class RealMimecastProfileTest {

    @TempDir
    Path dir;

    private MimecastEmulator real;
    private String group;

    @AfterEach
    void stop() {
        if (real != null) {
            real.close();
        }
    }

    @Test
    void apiOneKeysAndARegion() throws Exception {
        startRealMimecast();
        Map<String, String> env = Map.of("MIMECAST_ACCESS_KEY", real.credentials().accessKey(),
                "MIMECAST_SECRET_KEY", real.credentials().secretKey(),
                "MIMECAST_APP_ID", real.credentials().appId(),
                "MIMECAST_APP_KEY", real.credentials().appKey(),
                "MIMECAST_REGION", "EU", // the emulator's MIMECAST_BASE_URL takes precedence
                "MIMECAST_BASE_URL", real.baseUrl());

        String log = runApplication(env);

        assertBaselineOfThreeInTheRealState(log);
        assertTrue(real.requests("get-group-members").stream().noneMatch(r -> real.oauthClientOf(r) != null));
        // Camel's summary of the placeholders it resolved: the optional region came from MIMECAST_REGION
        assertTrue(log.contains("mimecast.region = EU"), log);
    }

    @Test
    void anApiTwoClient() throws Exception {
        startRealMimecast();
        Map<String, String> env = Map.of("MIMECAST_CLIENT_ID", real.clientId(),
                "MIMECAST_CLIENT_SECRET", real.clientSecret(),
                "MIMECAST_BASE_URL", real.baseUrl());

        String log = runApplication(env);

        assertBaselineOfThreeInTheRealState(log);
        assertTrue(real.tokensIssued() > 0, "authMode=oauth2: a token was requested");
        assertFalse(log.contains(real.clientSecret()), "no secret in the log");
    }

    private void startRealMimecast() {
        real = MimecastEmulator.builder().build().start();
        real.directory().createGroup("Other");
        group = real.directory().createGroup("Real Group").id();
        real.directory().addMembers(group, 3);
    }

    /** Runs MembersToFileApplication for 3 seconds with the variables (and none of this JVM's); returns its output. */
    private String runApplication(Map<String, String> mimecast) throws Exception {
        Map<String, String> env = new HashMap<>(mimecast);
        env.put("MIMECAST_GROUP_ID", group);
        env.put("MEMBERS_OUTPUT", dir.resolve("output").toString());
        env.put("MEMBERS_DURATION_SECONDS", "3");
        ExampleJvm.Result run = ExampleJvm.run(MembersToFileApplication.class, List.of("MIMECAST_", "MEMBERS_"), env,
                dir.resolve("application.log"));
        assertEquals(0, run.exitValue(), run.output());
        return run.output();
    }

    private void assertBaselineOfThreeInTheRealState(String log) throws Exception {
        Path output = dir.resolve("output");
        List<Path> polls;
        try (Stream<Path> files = Files.list(output)) {
            polls = files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertEquals(1, polls.size(), log);
        assertEquals(3, Files.readAllLines(polls.get(0)).size(), log);
        assertTrue(Files.exists(output.resolve(".state/members.state")), log);
        assertFalse(Files.exists(output.resolve(".demo-state")), log);
        assertFalse(log.contains("embedded emulator"), "not the demo: " + log);
    }
}
