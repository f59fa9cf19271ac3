package org.apache.camel.example.mimecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's main job as its command runs it: no credentials, so the embedded emulator with HR churn. */
class MembersToFileApplicationTest {

    @TempDir
    Path output;

    @Test
    void theMainJobRunsAgainstTheEmulatorByDefault() throws Exception {
        MembersToFileApplication.run(Map.of("MEMBERS_OUTPUT", output.toString(), "MEMBERS_DURATION_SECONDS", "7"));

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
}
