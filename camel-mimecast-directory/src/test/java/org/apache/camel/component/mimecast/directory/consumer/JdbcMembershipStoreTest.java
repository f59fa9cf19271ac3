package org.apache.camel.component.mimecast.directory.consumer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository;
import org.apache.camel.component.mimecast.directory.state.StaleStateException;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The row-per-member store ({@code stateRepository=#bean} with a {@link JdbcMembershipRepository}) on a real
 * PostgreSQL: what it keeps, what another node reads, and fenced writes: a node that read the group before another
 * node wrote it cannot write over it.
 */
class JdbcMembershipStoreTest {

    @TempDir
    static Path dir;

    private static EmbeddedPostgresServer postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(dir);
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static JdbcMembershipRepository repository(String prefix) {
        JdbcMembershipRepository repository = new JdbcMembershipRepository(dataSource);
        repository.setTablePrefix(prefix);
        return repository;
    }

    @Test
    void keepsMembersAndPendingOneRowEachAndAnotherNodeReadsThem() throws Exception {
        JdbcMembershipStore store = new JdbcMembershipStore(repository("rows_"));
        Object consumer = new Object();
        store.claim("g", consumer);
        assertNull(store.load("g"), "never read");
        store.begin("g", List.of("a@x.com", "b@x.com"));
        assertNull(store.load("g"), "an exchange begun is not a baseline");
        store.apply("g", List.of("a@x.com", "b@x.com"), List.of());
        store.begin("g", List.of("c@x.com", "a@x.com"));
        store.apply("g", List.of("c@x.com"), List.of("a@x.com"));
        store.begin("g", List.of("d@x.com")); // in flight at a crash

        assertEquals(2, count("SELECT count(*) FROM rows_members WHERE group_id = 'g'"));
        assertEquals(1, count("SELECT count(*) FROM rows_groups WHERE group_id = 'g' AND pending = 'd@x.com'"));
        JdbcMembershipStore otherNode = new JdbcMembershipStore(repository("rows_"));
        otherNode.claim("g", new Object());
        assertEquals(Set.of("b@x.com", "c@x.com"), otherNode.load("g"));
        assertEquals(Set.of("d@x.com"), otherNode.pending("g"));

        // An empty group read for the first time is remembered as known.
        store.claim("empty", consumer);
        store.apply("empty", List.of(), List.of());
        otherNode.claim("empty", new Object());
        assertEquals(Set.of(), otherNode.load("empty"));
    }

    @Test
    void aRepeatedExchangeOfAStaleLeaderIsFencedToo() throws Exception {
        JdbcMembershipStore oldLeader = new JdbcMembershipStore(repository("repeat_"));
        JdbcMembershipStore newLeader = new JdbcMembershipStore(repository("repeat_"));
        Object a = new Object();
        oldLeader.claim("g", a);
        oldLeader.apply("g", List.of("a@x.com"), List.of());
        // The old leader's route keeps failing on the same exchange (x pending), then it stalls ...
        oldLeader.begin("g", List.of("x@x.com"));
        // ... the new leader delivers and commits x, then x leaves and that is committed too ...
        newLeader.claim("g", new Object());
        newLeader.begin("g", List.of("x@x.com"));
        newLeader.apply("g", List.of("x@x.com"), List.of());
        newLeader.begin("g", List.of("x@x.com"));
        newLeader.apply("g", List.of(), List.of("x@x.com"));
        // ... and the old leader resumes with the same exchange: refused before it can be delivered again.
        assertThrows(MembershipStateException.class, () -> oldLeader.begin("g", List.of("x@x.com")));
    }

    @Test
    void aGroupRowDeletedByHandStartsTheGroupAfresh() throws Exception {
        JdbcMembershipStore store = new JdbcMembershipStore(repository("reset_"));
        store.claim("g", new Object());
        store.apply("g", List.of("a@x.com", "b@x.com"), List.of());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM reset_groups WHERE group_id = 'g'");
        }
        JdbcMembershipStore fresh = new JdbcMembershipStore(repository("reset_"));
        fresh.claim("g", new Object());
        assertNull(fresh.load("g"), "no group row: a baseline");
        fresh.apply("g", List.of("a@x.com", "c@x.com"), List.of());
        JdbcMembershipStore reader = new JdbcMembershipStore(repository("reset_"));
        reader.claim("g", new Object());
        assertEquals(Set.of("a@x.com", "c@x.com"), reader.load("g"), "the left-over rows are not the group's state");
    }

    @Test
    void aStaleWriterIsRefusedAndTheNewWritersStateStands() throws Exception {
        JdbcMembershipStore oldLeader = new JdbcMembershipStore(repository("fenced_"));
        JdbcMembershipStore newLeader = new JdbcMembershipStore(repository("fenced_"));
        Object a = new Object();
        Object b = new Object();
        oldLeader.claim("g", a);
        oldLeader.apply("g", List.of("a@x.com", "b@x.com"), List.of());

        // The old leader reads the group for its next poll and pauses (GC, hung host, lost lease) ...
        oldLeader.claim("g", a);
        assertEquals(Set.of("a@x.com", "b@x.com"), oldLeader.load("g"));
        // ... the new leader takes over and commits two exchanges ...
        newLeader.claim("g", b);
        newLeader.begin("g", List.of("a@x.com"));
        newLeader.apply("g", List.of(), List.of("a@x.com"));
        newLeader.begin("g", List.of("c@x.com"));
        newLeader.apply("g", List.of("c@x.com"), List.of());
        // ... and the old one resumes: its begin and its commit are refused, nothing of them is written.
        MembershipStateException begin = assertThrows(MembershipStateException.class,
                () -> oldLeader.begin("g", List.of("b@x.com")));
        assertInstanceOf(StaleStateException.class, begin.getCause());
        assertTrue(begin.getMessage().contains("not the writer of record"), begin.getMessage());
        assertThrows(MembershipStateException.class, () -> oldLeader.apply("g", List.of("z@x.com"), List.of()));

        JdbcMembershipStore reader = new JdbcMembershipStore(repository("fenced_"));
        reader.claim("g", new Object());
        assertEquals(Set.of("b@x.com", "c@x.com"), reader.load("g"), "the new leader's state, untouched");
        assertEquals(Set.of(), reader.pending("g"));

        // Interleaved the other way: the new leader's exchange is refused once the old one wrote after its read.
        newLeader.claim("g", b);
        newLeader.load("g");
        oldLeader.claim("g", a); // a claim reads the group again
        oldLeader.apply("g", List.of("d@x.com"), List.of());
        assertThrows(MembershipStateException.class, () -> newLeader.apply("g", List.of("e@x.com"), List.of()));
        newLeader.claim("g", b);
        assertEquals(Set.of("b@x.com", "c@x.com", "d@x.com"), newLeader.load("g"));
        newLeader.apply("g", List.of("e@x.com"), List.of());
        assertEquals(4, count("SELECT count(*) FROM fenced_members WHERE group_id = 'g'"));
    }

    @Test
    void twoNodesCreatingTheSameGroupAtOnce() {
        JdbcMembershipRepository one = repository("race_");
        JdbcMembershipRepository two = repository("race_");
        JdbcMembershipRepository.GroupWrite write = new JdbcMembershipRepository.GroupWrite(true, List.of("a@x.com"),
                List.of(), List.of());
        assertEquals(1, one.write("g", 0, write));
        assertThrows(StaleStateException.class, () -> two.write("g", 0, write));
        assertEquals(Set.of("a@x.com"), two.read("g").members());
    }

    @Test
    void aWriteBlockedByAnotherTransactionFailsWithinTheQueryTimeout() throws Exception {
        JdbcMembershipRepository repository = repository("blocked_");
        repository.setQueryTimeout(1);
        JdbcMembershipStore store = new JdbcMembershipStore(repository);
        store.claim("g", this);
        store.apply("g", List.of("a@x.com"), List.of());
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.executeQuery("SELECT * FROM blocked_groups WHERE group_id = 'g' FOR UPDATE").close();
            }
            long start = System.nanoTime();
            Exception e = assertThrows(IllegalStateException.class,
                    () -> store.apply("g", List.of("b@x.com"), List.of()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 8_000, "failed after " + millis + " ms, queryTimeout 1 s");
            assertTrue(e.getMessage().contains("state database"), e.getMessage());
            other.rollback();
        }
        store.claim("g", this);
        store.apply("g", List.of("b@x.com"), List.of());
        assertEquals(Set.of("a@x.com", "b@x.com"), store.load("g"));
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
