package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * High availability with camel-zookeeper's ZooKeeperClusterService instead of the file lock: three nodes (separate
 * JVMs, {@link ChangesConsumerProcess}) behind {@code master:} on an in-JVM ZooKeeper (curator-test), the state in a
 * shared {@code JdbcStateRepository} on a real PostgreSQL. The leader is killed with SIGKILL mid-stream, twice. Its
 * leadership is an ephemeral node of its ZooKeeper session, which the server removes only when the session expires:
 * the takeover is the session timeout (of the killed leader's session, as negotiated with the server) plus the new
 * leader's consumer start. Measured from the kill to the new leader's first get-group-members call, and it is never
 * shorter than about the session timeout (no second leader while the first one's session lives). Nothing lost, at
 * most the exchange in flight repeated, one node polling at a time.
 */
class ZooKeeperFailoverTest {

    private static final int PAGE_SIZE = 4;
    /** The nodes' ZooKeeperClusterService sessionTimeout (Camel's default: 60 s). */
    private static final long SESSION_TIMEOUT_MILLIS = 4000;
    /** The server's tickTime: sessions are negotiated within 2 to 20 ticks and expire on tick boundaries. */
    private static final int TICK_MILLIS = 500;
    private static final List<String> NODES = List.of("node-1", "node-2", "node-3");

    @TempDir
    Path dir;

    private final Map<String, ChildJvm> running = new LinkedHashMap<>();
    private MimecastEmulator emulator;
    private EmbeddedPostgresServer postgres;
    private TestingServer zookeeper;

    @AfterEach
    void stopAll() throws Exception {
        for (ChildJvm node : running.values()) {
            node.kill();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
        keepForDiagnosis();
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aStandbyTakesOverWhenTheKilledLeadersSessionExpiresWithNothingLost() throws Exception {
        zookeeper = new TestingServer(new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, true, -1,
                TICK_MILLIS, -1), true);
        MimecastEmulator.Builder builder = MimecastEmulator.builder();
        NODES.forEach(node -> builder.addOauthClient(node, node + "-secret"));
        emulator = builder.build().start();
        postgres = EmbeddedPostgresServer.start(dir.resolve("db"));
        InMemoryDirectory directory = emulator.directory();
        String group = directory.createGroup("Staff").id();
        directory.addMembers(group, 30);
        for (String node : NODES) {
            running.put(node, start(node, group));
        }
        List<String> leaders = new ArrayList<>();
        List<Duration> takeovers = new ArrayList<>();

        String leader = awaitLeader();
        leaders.add(leader);
        running.get(leader).awaitProgress(ChildJvm::isExchange, 3);
        Instant killed = kill(leader);
        directory.addMember(group, "joiner1@example.com", null);
        directory.removeMember(group, "user00001@example.com");
        directory.removeMember(group, "user00030@example.com");

        leader = awaitLeader();
        leaders.add(leader);
        takeovers.add(takeover(killed, leader));
        directory.addMember(group, "joiner2@example.com", null);
        running.get(leader).awaitProgress(ChildJvm::isExchange, 2);
        killed = kill(leader);
        directory.removeMember(group, "joiner1@example.com");
        for (String leaving : List.of("user00010", "user00014", "user00025")) {
            directory.removeMember(group, leaving + "@example.com");
        }

        leader = awaitLeader();
        leaders.add(leader);
        takeovers.add(takeover(killed, leader));
        awaitConverged(group);

        ChangeReplay replay = ChangeReplay.of(changes());
        assertEquals(new TreeSet<>(directory.memberEmails(group)), new TreeSet<>(replay.view()),
                "the downstream view equals the group: nothing lost, nothing invented");
        assertTrue(replay.inFlight().containsAll(replay.repeated()),
                "repeated " + replay.repeated() + ", in flight at the kills " + replay.inFlight());
        assertTrue(replay.repeated().size() <= 2 * PAGE_SIZE, "at most one exchange per kill: " + replay.repeated());
        assertOneNodePolledAtATime(leaders);
        System.out.println("ZooKeeperFailoverTest: sessionTimeout " + SESSION_TIMEOUT_MILLIS + " ms, tickTime "
                           + TICK_MILLIS + " ms; leaders " + leaders + ", takeover after SIGKILL (kill to the new "
                           + "leader's first get-group-members call): "
                           + takeovers.stream().map(d -> d.toMillis() + " ms").toList());
        for (Duration takeover : takeovers) {
            // The killed leader's session was last renewed at most a third of the timeout before the kill (the
            // client pings every timeout / 3); until it expires no other node holds the leadership.
            assertTrue(takeover.toMillis() >= SESSION_TIMEOUT_MILLIS * 2 / 3 - TICK_MILLIS,
                    "no takeover before the killed leader's session expired: " + takeover);
            assertTrue(takeover.toMillis() < SESSION_TIMEOUT_MILLIS + 20_000, "takeover took " + takeover);
        }
    }

    private ChildJvm start(String node, String group) throws Exception {
        Map<String, String> env = ClusterRun.nodeEnvironment(emulator, postgres, dir, node, group, PAGE_SIZE);
        // ZooKeeper instead of the file lock
        env.remove("CLUSTER_DIR");
        env.remove("CLUSTER_INTERVAL_MILLIS");
        env.put("ZOOKEEPER_NODES", zookeeper.getConnectString());
        env.put("ZOOKEEPER_SESSION_TIMEOUT_MILLIS", Long.toString(SESSION_TIMEOUT_MILLIS));
        return ChildJvm.start(dir, node, env);
    }

    private Instant kill(String node) throws InterruptedException {
        running.remove(node).kill();
        return Instant.now();
    }

    /** The node that delivers exchanges; exactly one of the running nodes. */
    private String awaitLeader() {
        String[] leader = new String[1];
        await().atMost(60, TimeUnit.SECONDS).pollInterval(10, TimeUnit.MILLISECONDS).until(() -> {
            for (Map.Entry<String, ChildJvm> node : running.entrySet()) {
                assertTrue(node.getValue().isAlive(), () -> node.getKey() + " died: " + node.getValue().log());
                if (node.getValue().count(ChildJvm::isExchange) > 0) {
                    leader[0] = node.getKey();
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    /** From the kill to the new leader's first read of the group. */
    private Duration takeover(Instant killed, String leader) {
        Instant first = emulator.requests("get-group-members").stream()
                .filter(r -> leader.equals(emulator.oauthClientOf(r)))
                .map(RecordedRequest::receivedAt).min(Instant::compareTo).orElseThrow();
        return Duration.between(killed, first);
    }

    private Path changes() {
        return ClusterRun.changes(dir);
    }

    /** Until the delivered changes make the group, then 40 more calls with nothing delivered. */
    private void awaitConverged(String group) throws Exception {
        Set<String> expected = new TreeSet<>(emulator.directory().memberEmails(group));
        await().atMost(30, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .untilAsserted(() -> assertEquals(expected, new TreeSet<>(ChangeReplay.of(changes()).view()),
                        () -> "nodes: " + running.values().stream().map(ChildJvm::log).toList()));
        long delivered = Files.size(changes());
        int calls = emulator.requests("get-group-members").size();
        await().atMost(30, TimeUnit.SECONDS).until(() -> emulator.requests("get-group-members").size() >= calls + 40);
        assertEquals(delivered, Files.size(changes()), "nothing more once converged");
    }

    /** The get-group-members callers, in arrival order, form one block per leader in the order they led. */
    private void assertOneNodePolledAtATime(List<String> leaders) {
        List<String> blocks = new ArrayList<>();
        for (RecordedRequest request : emulator.requests("get-group-members")) {
            String node = emulator.oauthClientOf(request);
            if (blocks.isEmpty() || !blocks.get(blocks.size() - 1).equals(node)) {
                blocks.add(node);
            }
        }
        assertEquals(leaders, blocks, "get-group-members callers in order (one block per leadership)");
    }

    private void keepForDiagnosis() throws IOException {
        ClusterRun.keepForDiagnosis(dir, Path.of("target", "ZooKeeperFailoverTest"));
    }
}
