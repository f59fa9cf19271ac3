package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the multi-JVM high-availability tests share: the environment of a {@link ChangesConsumerProcess} node behind
 * {@code master:} (own API 2.0 client, shared PostgreSQL and lock directory, changes appended to one file), the wait
 * for convergence, and keeping the run's files for diagnosis.
 */
final class ClusterRun {

    private ClusterRun() {
    }

    /** A node's variables: its OAuth client is its name (so the emulator's log shows who polled). */
    static Map<String, String> nodeEnvironment(
            MimecastEmulator emulator, EmbeddedPostgresServer postgres, Path dir, String node, String group,
            int pageSize) {
        Map<String, String> env = new HashMap<>();
        env.put("BASE_URL", emulator.baseUrl());
        env.put("CLIENT_ID", node);
        env.put("CLIENT_SECRET", node + "-secret");
        env.put("GROUP", group);
        env.put("PAGE_SIZE", Integer.toString(pageSize));
        env.put("JDBC_URL", postgres.jdbcUrl());
        env.put("CLUSTER_DIR", dir.resolve("cluster").toString());
        env.put("CLUSTER_INTERVAL_MILLIS", "300");
        env.put("OUT", changes(dir).toString());
        env.put("SLOW_MILLIS", "150");
        return env;
    }

    static Path changes(Path dir) {
        return dir.resolve("changes.jsonl");
    }

    /** Until the delivered changes make the group, then 40 more calls (about five polls) with nothing delivered. */
    static void awaitConverged(MimecastEmulator emulator, String group, Path dir, Supplier<String> diagnosis)
            throws IOException {
        Path changes = changes(dir);
        Set<String> expected = new TreeSet<>(emulator.directory().memberEmails(group));
        await().atMost(60, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .untilAsserted(() -> assertEquals(expected, Files.exists(changes)
                        ? new TreeSet<>(ChangeReplay.of(changes).view()) : Set.of(), diagnosis));
        long delivered = Files.size(changes);
        int calls = emulator.requests("get-group-members").size();
        await().atMost(60, TimeUnit.SECONDS).until(() -> emulator.requests("get-group-members").size() >= calls + 40);
        assertEquals(delivered, Files.size(changes), "nothing more once converged");
    }

    /** The nodes' logs, progress and the delivered changes, copied to kept (the temporary directory goes). */
    static void keepForDiagnosis(Path dir, Path kept) throws IOException {
        Files.createDirectories(kept);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
