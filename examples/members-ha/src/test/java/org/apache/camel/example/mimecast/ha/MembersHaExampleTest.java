package org.apache.camel.example.mimecast.ha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.example.mimecast.support.ExampleJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example as documented, end to end: the sandbox (emulator with churn, embedded PostgreSQL) and two nodes, each
 * in its own JVM as its README command starts it. The leader is killed with SIGKILL; the other node takes over, and
 * the output file then describes the group.
 */
class MembersHaExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private MembersHaSandbox sandbox;

    @AfterEach
    void stop() throws Exception {
        for (Process node : nodes.values()) {
            node.destroyForcibly().waitFor();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void twoNodesOneWriterAndTheStandbyTakesOverAfterKillNine() throws Exception {
        sandbox = MembersHaSandbox.start(Map.of("MEMBERS_HA_DIR", dir.toString(), "MEMBERS_HA_CHURN_MILLIS", "500"));
        for (String node : List.of("node-1", "node-2")) {
            nodes.put(node, startNode(node));
        }

        // The baseline (30 members, one exchange) and a first change after it, all from one node. (A kill while an
        // exchange is in flight is FailoverTest's case: its members are pending and the standby reports them as the
        // group now is.)
        await().atMost(40, TimeUnit.SECONDS).untilAsserted(() -> assertTrue(changes().size() > 30, this::logs));
        String leader = changes().get(0).get("node");
        List<Map<String, String>> beforeKill = changes();
        assertTrue(beforeKill.stream().allMatch(c -> leader.equals(c.get("node"))), beforeKill.toString());

        nodes.remove(leader).destroyForcibly().waitFor();
        String standby = nodes.keySet().iterator().next();
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> changes().stream().anyMatch(c -> standby.equals(c.get("node"))));

        sandbox.stopChurn();
        Set<String> group = new TreeSet<>(sandbox.emulator().directory().memberEmails(sandbox.groupId()));
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertEquals(group, view()));
        assertEquals(30, group.size());
    }

    private Process startNode(String node) throws IOException {
        // The sandbox, whatever this machine's environment says about real Mimecast
        return ExampleJvm.start(MembersHaNode.class, List.of("MIMECAST_", "MEMBERS_HA_"),
                Map.of("MEMBERS_HA_DIR", dir.toString(), "MEMBERS_HA_POLL_DELAY_MILLIS", "200",
                        "MEMBERS_HA_LOCK_INTERVAL_MILLIS", "300"),
                dir.resolve(node + ".log"), node);
    }

    private List<Map<String, String>> changes() throws IOException {
        Path file = dir.resolve("changes.jsonl");
        List<Map<String, String>> changes = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                changes.add(JSON.readValue(line, new TypeReference<Map<String, String>>() {
                }));
            }
        }
        return changes;
    }

    private String logs() {
        StringBuilder logs = new StringBuilder();
        for (String node : List.of("node-1", "node-2")) {
            try {
                logs.append(node).append(":\n").append(Files.readString(dir.resolve(node + ".log")));
            } catch (IOException e) {
                logs.append(e);
            }
        }
        return logs.toString();
    }

    /** The membership the output file describes. */
    private Set<String> view() throws IOException {
        Set<String> view = new TreeSet<>();
        for (Map<String, String> change : changes()) {
            if ("ADDED".equals(change.get("changeType"))) {
                view.add(change.get("member"));
            } else {
                view.remove(change.get("member"));
            }
        }
        return view;
    }
}
