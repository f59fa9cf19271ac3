package org.apache.camel.example.mimecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.Main;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README: "Against real Mimecast the state is kept, so a restart neither repeats nor loses a change." A demo run in
 * between (no MIMECAST_* variable in that shell) must not touch the real run's state or output. A second emulator
 * plays real Mimecast, reached through the profile mimecast as the environment would configure it.
 */
class DemoKeepsRealStateTest {

    @TempDir
    Path dir;

    @Test
    void aDemoRunBetweenTwoRealRunsLosesNoChange() throws Exception {
        Path output = dir.resolve("real-output");
        try (MimecastEmulator real = MimecastEmulator.builder().build().start()) {
            real.directory().createGroup("Other"); // real group ids differ from the demo's group-1
            String group = real.directory().createGroup("Real Group").id();
            real.directory().addMembers(group, 3);

            MembersToFileApplication.run(realMimecast(real, group, output), Target.MIMECAST_API_1);
            List<Path> before = changeFiles(output);
            assertTrue(Files.exists(output.resolve(".state/members.state")), "the real run keeps its state");
            byte[] realState = Files.readAllBytes(output.resolve(".state/members.state"));

            // While the watcher is down: one joins, one leaves. Then someone runs the README's demo command, once
            // with MEMBERS_OUTPUT still naming the real run's folder, once without.
            real.directory().addMember(group, "joined.while.down@example.com", null);
            real.directory().removeMember(group, "user00001@example.com");
            String refusal = assertThrows(IllegalStateException.class,
                    () -> MembersToFileApplication.run(demo(output), Target.DEMO)).getMessage();
            assertTrue(refusal.contains("a run against real Mimecast uses it"), refusal);
            assertEquals(before, changeFiles(output), "no demo file among the real run's");
            assertFalse(Files.exists(output.resolve(".demo-state")));

            Path demoOutput = dir.resolve("demo-output");
            MembersToFileApplication.run(demo(demoOutput), Target.DEMO);
            assertEquals(30, Files.readAllLines(changeFiles(demoOutput).get(0)).size(), "the demo ran beside");
            assertTrue(Files.exists(demoOutput.resolve(".demo-state/members.state")), "in its own state");
            assertArrayEquals(realState, Files.readAllBytes(output.resolve(".state/members.state")),
                    "the real run's state is untouched");

            MembersToFileApplication.run(realMimecast(real, group, output), Target.MIMECAST_API_1);
            List<String> restart = new ArrayList<>();
            for (Path file : changeFiles(output)) {
                if (!before.contains(file)) {
                    restart.addAll(Files.readAllLines(file));
                }
            }
            assertEquals(2, restart.size(), "expected exactly joined.while.down ADDED and user00001 REMOVED, got "
                                            + restart);
            assertTrue(restart.get(0).contains("\"changeType\":\"ADDED\",\"member\":{\"emailAddress\":"
                                               + "\"joined.while.down@example.com\""), restart.toString());
            assertTrue(restart.get(1).contains("\"changeType\":\"REMOVED\",\"member\":{\"emailAddress\":"
                                               + "\"user00001@example.com\""), restart.toString());
        }
    }

    /** What the profile mimecast reads from MIMECAST_*, MEMBERS_OUTPUT and MEMBERS_DURATION_SECONDS. */
    private static Main realMimecast(MimecastEmulator real, String group, Path output) {
        Main main = new Main();
        real.componentOptions().forEach((option, value) -> main.addOverrideProperty(
                "camel.component.mimecast-directory." + StringHelper.camelCaseToDash(option), value));
        main.addOverrideProperty("camel.component.mimecast-directory.region", "EU");
        main.addOverrideProperty("members.group-id", group);
        main.addOverrideProperty("members.output", output.toString());
        main.addOverrideProperty("camel.main.duration-max-seconds", "3");
        return main;
    }

    private static Main demo(Path output) {
        Main main = new Main();
        main.addOverrideProperty("members.output", output.toString());
        main.addOverrideProperty("camel.main.duration-max-seconds", "3");
        return main;
    }

    private static List<Path> changeFiles(Path output) throws Exception {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}
