package org.apache.camel.example.mimecast.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DemoMimecastTest {

    @Test
    void realMimecastIsTheProfileThatReadsTheEnvironment() throws Exception {
        Main main = new Main();
        try (AutoCloseable demo = DemoMimecast.configure(main, false, d -> {
            throw new AssertionError("no demo data against real Mimecast");
        })) {
            assertEquals("mimecast", main.configure().getProfile());
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
    void theDemosFreshDataResetsTheStateKeptFromAnEarlierRun(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("members.state"), "group-1=stale");
        try (DemoMimecast demo = DemoMimecast.start(Map.of("members.state-file", state.toString())::get)) {
            demo.dropStateFile("members.state-file");
            assertFalse(Files.exists(state), "the state goes with the emulator's data");
        }
    }
}
