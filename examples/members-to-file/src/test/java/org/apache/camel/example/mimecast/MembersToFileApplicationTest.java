package org.apache.camel.example.mimecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's main job as its command runs it: no credentials, so the embedded emulator with HR churn. */
class MembersToFileApplicationTest {

    @TempDir
    Path output;

    @Test
    void theMainJobRunsAgainstTheEmulatorByDefault() throws Exception {
        MembersToFileApplication.run(demo(7), Target.DEMO);

        List<Path> polls;
        try (Stream<Path> files = Files.list(output)) {
            polls = files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertTrue(polls.size() >= 2, "the baseline and at least one poll with changes: " + polls);
        List<String> baseline = Files.readAllLines(polls.get(0));
        assertEquals(30, baseline.size());
        assertTrue(baseline.stream().allMatch(line -> line.contains("\"changeType\":\"ADDED\"")));
        StringBuilder changes = new StringBuilder();
        for (Path poll : polls.subList(1, polls.size())) {
            changes.append(Files.readString(poll));
        }
        String joined = "\"changeType\":\"ADDED\",\"member\":{\"emailAddress\":\"new.hire1@example.com\"";
        String left = "\"changeType\":\"REMOVED\",\"member\":{\"emailAddress\":\"user00001@example.com\"";
        assertTrue(changes.toString().contains(joined), changes.toString());
        assertTrue(changes.toString().contains(left), changes.toString());
        // One joins and one leaves each time: the snapshot stays at 30 members (plus the header line).
        assertEquals(31, Files.readAllLines(output.resolve("members.csv")).size());
    }

    @Test
    void aSecondRunStartsFromAFreshBaselineLikeTheEmulator() throws Exception {
        MembersToFileApplication.run(demo(5), Target.DEMO);
        List<Path> firstRun = changeFiles();
        MembersToFileApplication.run(demo(2), Target.DEMO);

        List<Path> secondRun = changeFiles().stream().filter(p -> !firstRun.contains(p)).toList();
        assertTrue(!secondRun.isEmpty(), "the second run wrote its baseline");
        List<String> baseline = Files.readAllLines(secondRun.get(0));
        // With the first run's state, the fresh emulator's 30 members would show as new hires "removed" and leavers
        // "added" again; the state is reset with the emulator, so the first poll is the clean baseline.
        assertEquals(30, baseline.size(), baseline.toString());
        assertTrue(baseline.stream().allMatch(line -> line.contains("\"changeType\":\"ADDED\"")), baseline.toString());
    }

    @Test
    void theDemoIsTheRunWithoutMimecastVariablesAndRefusesARealRunsStateFile() {
        assertEquals(Target.DEMO, MembersToFileApplication.target(Map.of("MEMBERS_OUTPUT", "out")));
        // Camel reads MEMBERS_STATE_FILE for members.state-file
        String message = assertThrows(IllegalStateException.class,
                () -> MembersToFileApplication.target(Map.of("MEMBERS_STATE_FILE", "real.state"))).getMessage();
        assertTrue(message.contains("MEMBERS_STATE_FILE is set"), message);
        message = assertThrows(IllegalStateException.class,
                () -> MembersToFileApplication.target(Map.of("MIMECAST_CLIENT_ID", "id"))).getMessage();
        assertTrue(message.contains("MIMECAST_CLIENT_SECRET, MIMECAST_GROUP_ID"), message);
    }

    /** What MEMBERS_OUTPUT and MEMBERS_DURATION_SECONDS set in application.properties, without the environment. */
    private Main demo(int seconds) {
        Main main = new Main();
        main.addOverrideProperty("members.output", output.toString());
        main.addOverrideProperty("camel.main.duration-max-seconds", String.valueOf(seconds));
        return main;
    }

    private List<Path> changeFiles() throws Exception {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}
