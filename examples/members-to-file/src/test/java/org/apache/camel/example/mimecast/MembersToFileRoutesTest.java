package org.apache.camel.example.mimecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MembersToFileRoutesTest {

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    @TempDir
    Path output;

    @Test
    void writesOneJsonLinesFilePerPollWithChangesAndACsvSnapshot() throws Exception {
        MimecastEmulator emulator = mimecast.emulator();
        String group = emulator.directory().createGroup("Staff").id();
        emulator.directory().addMembers(group, 30);

        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        context.addComponent("mimecast-directory", component);
        // The emulator's options, bound the way camel.component.mimecast-directory.* properties are.
        PropertyBindingSupport.bindProperties(context, component.getConfiguration(),
                new HashMap<String, Object>(emulator.componentOptions()));
        Properties settings = new Properties();
        settings.setProperty("members.group-id", group);
        settings.setProperty("members.output", output.toString());
        settings.setProperty("members.state-file", output.resolve("state").toString());
        settings.setProperty("members.poll-delay", "300");
        context.getPropertiesComponent().setOverrideProperties(settings);
        context.addRoutes(new MembersToFileRoutes());
        context.start();
        try {
            waitFor(() -> jsonlFiles().size() == 1 && Files.exists(output.resolve("members.csv")));
            List<JsonNode> baseline = lines(jsonlFiles().get(0));
            assertEquals(30, baseline.size());
            assertTrue(baseline.stream().allMatch(l -> l.get("changeType").asText().equals("ADDED")));

            emulator.directory().addMember(group, "hire1@example.com", null);
            emulator.directory().addMember(group, "hire2@example.com", null);
            emulator.directory().removeMember(group, "user00007@example.com");
            waitFor(() -> jsonlFiles().size() == 2);
            List<JsonNode> delta = lines(jsonlFiles().get(1));
            assertEquals(List.of("ADDED hire1@example.com", "ADDED hire2@example.com", "REMOVED user00007@example.com"),
                    delta.stream().map(l -> l.get("changeType").asText() + " " + l.at("/member/emailAddress").asText())
                            .toList());

            waitFor(() -> Files.readString(output.resolve("members.csv")).contains("hire2@example.com"));
            List<String> csv = Files.readAllLines(output.resolve("members.csv"));
            assertEquals("emailAddress,name,domain,internal", csv.get(0));
            assertEquals(31, csv.size() - 1, "30 - 1 + 2 members");
            assertTrue(csv.contains("hire1@example.com,hire1,example.com,true"), csv.toString());
        } finally {
            context.stop();
        }
    }

    private List<Path> jsonlFiles() throws Exception {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static void waitFor(Callable<Boolean> check) {
        // Well below the routes' 60 s completion timeout: files must come from the per-poll completion.
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50)).until(check);
    }
}
