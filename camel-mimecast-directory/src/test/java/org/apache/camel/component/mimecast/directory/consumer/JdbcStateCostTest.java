package org.apache.camel.component.mimecast.directory.consumer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.apache.camel.component.mimecast.directory.state.JdbcStateRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@code stateRepository=#bean} costs per exchange at 100,000 members when the repository is PostgreSQL
 * ({@link JdbcStateRepository}), next to an in-memory repository in the same run: the numbers of
 * docs/performance.md. It also checks that a new store (another node) reads back exactly the membership written.
 */
class JdbcStateCostTest {

    private static final int MEMBERS = 100_000;
    private static final int EXCHANGES = 20;

    @TempDir
    Path dir;

    @Test
    void perExchangeWriteOfAHundredThousandMembers() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(String.format("user%06d@example.com", i));
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir)) {
            JdbcStateRepository jdbc = new JdbcStateRepository(postgres.dataSource());
            jdbc.start();
            Set<String> expected = measure("JdbcStateRepository (PostgreSQL 16, fsync on)", jdbc, members);
            measure("MemoryStateRepository", new MemoryStateRepository(), members);

            RepositoryMembershipStore otherNode = new RepositoryMembershipStore(jdbc);
            assertEquals(expected, otherNode.load("group-1"), "another node reads the membership written");
        }
    }

    private static Set<String> measure(String name, StateRepository<String, String> repository, List<String> members) {
        RepositoryMembershipStore store = new RepositoryMembershipStore(repository);
        long start = System.nanoTime();
        store.apply("group-1", members, List.of());
        long baseline = System.nanoTime() - start;
        long[] writes = new long[EXCHANGES];
        Set<String> expected = new LinkedHashSet<>(members);
        for (int e = 0; e < EXCHANGES; e++) {
            List<String> added = List.of("hire" + e + "@example.com");
            List<String> removed = List.of(members.get(e));
            start = System.nanoTime();
            store.apply("group-1", added, removed);
            writes[e] = System.nanoTime() - start;
            expected.addAll(added);
            removed.forEach(expected::remove);
        }
        long[] sorted = writes.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT,
                "JdbcStateCostTest: %s at %,d members: first write %.1f ms; exchange of 1 change: mean %.1f ms, "
                                       + "p50 %.1f ms, max %.1f ms; value %,d characters%n",
                name, MEMBERS, baseline / 1e6, Arrays.stream(writes).average().orElse(0) / 1e6,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6,
                repository.getState(RepositoryMembershipStore.key("group-1")).length());
        return expected;
    }
}
