package org.apache.camel.component.mimecast.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator as a standalone process, started the way the README's command does (its main class in a JVM of its
 * own), and used over HTTP as an application would: API 2.0 token, then a directory call.
 */
class StandaloneEmulatorTest {

    @Test
    void mainServesTheDemoGroupUntilStopped() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MimecastEmulator.class.getName(), "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("API 2.0")) {
                    break;
                }
            }
            assertTrue(lines.get(0).startsWith("Mimecast emulator listening on http://127.0.0.1:"), lines.toString());
            String baseUrl = lines.get(0).split(" ")[4];
            assertTrue(lines.contains("  camel.component.mimecast-directory.baseUrl=" + baseUrl), lines.toString());

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=emulator-client-id"
                            + "&client_secret=emulator-client-secret&grant_type=client_credentials"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());
            String accessToken = new ObjectMapper().readTree(token.body()).get("access_token").asText();

            HttpResponse<String> groups = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/api/directory/find-groups"))
                    .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[{\"query\":\"Demo\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, groups.statusCode(), groups.body());
            JsonNode folder = new ObjectMapper().readTree(groups.body()).at("/data/0/folders/0");
            assertEquals("Demo Group", folder.get("description").asText(), groups.body());
            assertEquals(30, folder.get("userCount").asInt(), groups.body());
            assertTrue(process.isAlive(), "serves until stopped");
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }

    @Test
    void aPortThatIsNotANumberIsNamedWithTheRangeAndTheOption() {
        for (String port : List.of("abc", "-1", "65536", "")) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> MimecastEmulator.main(new String[] {port})).getMessage();
            assertTrue(message.startsWith("The port must be a number from 1 to 65535"), message);
            assertTrue(message.contains("'" + port + "'") && message.contains("-Dexec.args="), message);
            assertFalse(message.contains("For input string"), message);
        }
    }

    @Test
    void aBusyPortSuggestsAnotherWithExecArgs() {
        try (MimecastEmulator running = MimecastEmulator.builder().build().start()) {
            String port = Integer.toString(running.port());
            String message = assertThrows(IllegalStateException.class,
                    () -> MimecastEmulator.main(new String[] {port})).getMessage();
            assertTrue(message.contains("on port " + port + ": the port is in use"), message);
            assertTrue(message.contains("-Dexec.args=PORT"), message);
        }
    }
}
