package org.apache.camel.example.mimecast.ha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.example.mimecast.support.ExampleJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The takeover time of the example with its defaults (application.properties as shipped: nothing overridden but the
 * directory): three nodes, the leader killed with SIGKILL twice; measured from the kill to the first change the new
 * leader writes (the sandbox's churn makes one every 500 ms, so there is always one to write).
 */
class MembersHaTakeoverTest {

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
    void takeoverWithTheDefaultsTakesAFewSeconds() throws Exception {
        sandbox = MembersHaSandbox.start(Map.of("MEMBERS_HA_DIR", dir.toString(), "MEMBERS_HA_CHURN_MILLIS", "500"));
        for (String node : List.of("node-1", "node-2", "node-3")) {
            nodes.put(node, ExampleJvm.start(MembersHaNode.class, List.of("MIMECAST_", "MEMBERS_HA_"),
                    Map.of("MEMBERS_HA_DIR", dir.toString()), dir.resolve(node + ".log"), node));
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> writers().size() == 1);
        List<Duration> takeovers = new ArrayList<>();
        for (int kill = 0; kill < 2; kill++) {
            Set<String> before = writers();
            String leader = lastWriter();
            // The leader has written its first changes: it polls on its schedule.
            nodes.remove(leader).destroyForcibly().waitFor();
            long killed = System.nanoTime();
            await().atMost(60, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS)
                    .until(() -> !before.containsAll(writers()));
            takeovers.add(Duration.ofNanos(System.nanoTime() - killed));
        }
        System.out.println("MembersHaTakeoverTest: with members-ha's defaults, SIGKILL to the new leader's first "
                           + "change: " + takeovers.stream().map(d -> d.toMillis() + " ms").toList());
        takeovers.forEach(t -> assertTrue(t.toMillis() < 10_000, "takeover took " + t));
    }

    private List<String> writerOrder() throws IOException {
        List<String> order = new ArrayList<>();
        Path file = dir.resolve("changes.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (line.endsWith("}")) { // a line being appended may be incomplete
                    order.add(JSON.readTree(line).get("node").asText());
                }
            }
        }
        return order;
    }

    private Set<String> writers() throws IOException {
        return new LinkedHashSet<>(writerOrder());
    }

    private String lastWriter() throws IOException {
        List<String> order = writerOrder();
        return order.get(order.size() - 1);
    }
}
