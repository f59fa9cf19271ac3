package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * High availability when the database is the part that fails: two nodes (separate JVMs) behind {@code master:} with
 * the file-lock cluster service and the state on a real PostgreSQL that is stopped, restarted or hung (SIGSTOP). A
 * leader never sits on the lock without a working poller: its consumer starts without the database, fails each poll
 * while the database is away and polls again by itself once it is back. Replaying the delivered JSON lines gives the
 * group every time: nothing lost or invented, at most one exchange repeated.
 */
class DatabaseOutageTest {

    private static final int PAGE_SIZE = 4;
    /** "Within seconds" on a loaded 2-core machine: the polls run every 100 ms, the restart is measured from its end. */
    private static final long POLLS_WITHIN_MILLIS = 15_000;

    @TempDir
    Path dir;

    private final Map<String, ChildJvm> running = new LinkedHashMap<>();
    private MimecastEmulator emulator;
    private EmbeddedPostgresServer postgres;
    private InMemoryDirectory directory;
    private String group;

    @AfterEach
    void stopAll(TestInfo test) throws Exception {
        for (ChildJvm node : running.values()) {
            node.kill();
        }
        if (postgres != null) {
            postgres.close();
        }
        ClusterRun.keepForDiagnosis(dir, Path.of("target", "DatabaseOutageTest", test.getTestMethod().orElseThrow()
                .getName()));
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aLeaderElectedWhileTheDatabaseIsDownPollsWithinSecondsOnceItIsBack() throws Exception {
        setUp(12);
        postgres.stop();
        Map<String, String> settings = Map.of(); // JdbcStateRepository: its doStart used to prepare the table
        start("node-1", settings);
        start("node-2", settings);

        String leader = awaitLeader();
        ChildJvm node = running.get(leader);
        node.awaitProgress(ChildJvm::isFailure, 3); // it keeps trying, every poll
        String failure = node.progress().stream().filter(ChildJvm::isFailure).findFirst().orElseThrow();
        assertTrue(failure.contains("state database"), "the failure names the state database: " + failure);
        assertEquals(0, node.count(ChildJvm::isExchange), "nothing delivered without the state");
        directory.addMember(group, "joiner@example.com", null);
        directory.removeMember(group, "user00002@example.com");

        Instant back = restartDatabase();
        Duration firstPoll = firstPollSince(back, leader);
        awaitConverged();
        ChangeReplay replay = ChangeReplay.of(changes());
        assertEquals(List.of(), replay.repeated(), "nothing was in flight");
        assertPolledOnlyBy(Set.of(leader));
        report("leader elected while the database was down: first poll " + firstPoll.toMillis()
               + " ms after the database was back");
        assertTrue(firstPoll.toMillis() < POLLS_WITHIN_MILLIS, "first poll after " + firstPoll);
    }

    @Test
    void aLeaderKilledDuringAnOutageIsReplacedAndTheNewLeaderPollsOnceTheDatabaseIsBack() throws Exception {
        setUp(30);
        Map<String, String> settings = Map.of("STATE_LAYOUT", "rows");
        start("node-1", settings);
        start("node-2", settings);

        String leader = awaitLeader();
        running.get(leader).awaitProgress(ChildJvm::isExchange, 2);
        postgres.stop();
        running.get(leader).awaitProgress(ChildJvm::isFailure, 1); // a commit or a read failed
        running.remove(leader).kill();
        directory.removeMember(group, "user00001@example.com"); // delivered ADDED before the kill
        directory.removeMember(group, "user00030@example.com"); // not delivered yet
        directory.addMember(group, "joiner@example.com", null);

        String standby = awaitLeader();
        running.get(standby).awaitProgress(ChildJvm::isFailure, 2);
        Instant back = restartDatabase();
        Duration firstPoll = firstPollSince(back, standby);
        awaitConverged();
        ChangeReplay replay = ChangeReplay.of(changes());
        assertTrue(replay.inFlight().containsAll(replay.repeated()),
                "repeated " + replay.repeated() + ", in flight at the kill " + replay.inFlight());
        assertTrue(replay.repeated().size() <= PAGE_SIZE, "at most the exchange in flight: " + replay.repeated());
        assertPolledOnlyBy(Set.of(leader, standby));
        report("leader killed during an outage: the standby's first poll " + firstPoll.toMillis()
               + " ms after the database was back");
        assertTrue(firstPoll.toMillis() < POLLS_WITHIN_MILLIS, "first poll after " + firstPoll);
    }

    @Test
    void aDatabaseThatHangsMidStatementFailsThePollWithinTheTimeoutAndTheClusterRecovers() throws Exception {
        setUp(30);
        Map<String, String> settings = Map.of("STATE_LAYOUT", "rows", "QUERY_TIMEOUT", "2", "LOGIN_TIMEOUT", "2");
        start("node-1", settings);
        start("node-2", settings);

        String leader = awaitLeader();
        ChildJvm node = running.get(leader);
        node.awaitProgress(ChildJvm::isExchange, 2);
        long paused = System.currentTimeMillis();
        postgres.pause(); // mid-stream: the leader is in a statement, or about to open a connection
        long failedAfter;
        try {
            node.awaitProgress(ChildJvm::isFailure, 1);
            failedAfter = node.progress().stream().filter(ChildJvm::isFailure).mapToLong(ChildJvm::failureMillis)
                    .min().orElseThrow() - paused;
            directory.removeMember(group, "user00003@example.com");
            directory.addMember(group, "joiner@example.com", null);
            node.awaitProgress(ChildJvm::isFailure, 2); // and the next poll is bounded too
        } finally {
            postgres.resume();
        }
        awaitConverged();
        ChangeReplay replay = ChangeReplay.of(changes());
        assertTrue(replay.repeated().size() <= PAGE_SIZE, "at most the exchange in flight: " + replay.repeated());
        assertPolledOnlyBy(Set.of(leader));
        report("database hung (SIGSTOP) mid-stream: the poll failed " + failedAfter + " ms after the pause "
               + "(queryTimeout 2 s, network timeout 4 s, loginTimeout 2 s)");
        assertTrue(failedAfter < 15_000, "failed after " + failedAfter + " ms");
    }

    // ---- harness

    private void setUp(int members) throws Exception {
        MimecastEmulator.Builder builder = MimecastEmulator.builder();
        List.of("node-1", "node-2").forEach(node -> builder.addOauthClient(node, node + "-secret"));
        emulator = builder.build().start();
        postgres = EmbeddedPostgresServer.start(dir.resolve("db"));
        directory = emulator.directory();
        group = directory.createGroup("Staff").id();
        directory.addMembers(group, members);
    }

    private void start(String node, Map<String, String> settings) throws Exception {
        Map<String, String> env = ClusterRun.nodeEnvironment(emulator, postgres, dir, node, group, PAGE_SIZE);
        env.putAll(settings);
        running.put(node, ChildJvm.start(dir, node, env));
    }

    private Instant restartDatabase() throws IOException {
        postgres.restart();
        return Instant.now();
    }

    /** The one running node that reported taking the leadership. */
    private String awaitLeader() {
        String[] leader = new String[1];
        await().atMost(60, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS).until(() -> {
            for (Map.Entry<String, ChildJvm> node : running.entrySet()) {
                assertTrue(node.getValue().isAlive(), () -> node.getKey() + " died: " + node.getValue().log());
                if (node.getValue().count(ChildJvm::isLeader) > 0) {
                    leader[0] = node.getKey();
                    return true;
                }
            }
            return false;
        });
        return leader[0];
    }

    /** From the database's return to the node's first get-group-members call (the first poll that got its state). */
    private Duration firstPollSince(Instant back, String node) {
        Instant[] first = new Instant[1];
        await().atMost(60, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS).until(() -> {
            first[0] = emulator.requests("get-group-members").stream()
                    .filter(r -> node.equals(emulator.oauthClientOf(r)) && !r.receivedAt().isBefore(back))
                    .map(RecordedRequest::receivedAt).min(Instant::compareTo).orElse(null);
            return first[0] != null;
        });
        return Duration.between(back, first[0]);
    }

    private Path changes() {
        return ClusterRun.changes(dir);
    }

    private void awaitConverged() throws Exception {
        ClusterRun.awaitConverged(emulator, group, dir,
                () -> "nodes: " + running.values().stream().map(ChildJvm::log).toList());
    }

    private void assertPolledOnlyBy(Set<String> nodes) {
        Set<String> callers = emulator.requests("get-group-members").stream().map(emulator::oauthClientOf)
                .collect(Collectors.toSet());
        assertTrue(nodes.containsAll(callers), "get-group-members callers " + callers + ", leaders " + nodes);
    }

    private static void report(String line) {
        System.out.println("DatabaseOutageTest: " + line);
    }
}
