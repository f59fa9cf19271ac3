package org.apache.camel.component.mimecast.directory.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JdbcStateRepository} against a real PostgreSQL 16 (embedded binaries, no Docker).
 */
class JdbcStateRepositoryTest {

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

    @Test
    void createsItsTableOnFirstUseAndUpsertsOneRowPerKey() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setTableName("state_upsert");
        assertNull(repository.getState("k"), "created the table, no row yet");
        repository.setState("k", "one");
        repository.setState("k", "two");
        repository.setState("other", "x");
        assertEquals("two", repository.getState("k"));
        assertEquals("x", repository.getState("other"));
        assertEquals(2, count("SELECT count(*) FROM state_upsert"), "one row per key");

        // Another node (another repository on the same table) sees the committed value.
        JdbcStateRepository otherNode = new JdbcStateRepository(dataSource);
        otherNode.setTableName("state_upsert");
        assertEquals("two", otherNode.getState("k"));
    }

    @Test
    void nodesStartingTogetherBothGetTheTable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int node = i;
                Callable<String> start = () -> {
                    JdbcStateRepository repository = new JdbcStateRepository(dataSource);
                    repository.setTableName("state_race");
                    repository.start();
                    repository.setState("node" + node, "up");
                    return repository.getState("node" + node);
                };
                results.add(pool.submit(start));
            }
            for (Future<String> result : results) {
                assertEquals("up", result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLargeValueRoundTrips() {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        String value = "a".repeat(400_000); // about the encoded state of 100,000 members
        repository.setState("big", value);
        assertEquals(value, repository.getState("big"));
    }

    @Test
    void withoutCreateTableAMissingTableIsAClearError() {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setTableName("not_created");
        repository.setCreateTable(false);
        Exception e = assertThrows(IllegalStateException.class, () -> repository.getState("k"));
        assertTrue(e.getMessage().contains("not_created") && e.getMessage().contains("createTable=false"),
                e.getMessage());
        assertFalse(tableExists("not_created"));
    }

    @Test
    void badSettingsFailBeforeAnySql() {
        JdbcStateRepository noDataSource = new JdbcStateRepository();
        Exception e = assertThrows(IllegalArgumentException.class, () -> noDataSource.getState("k"));
        assertTrue(e.getMessage().contains("dataSource"), e.getMessage());

        JdbcStateRepository injection = new JdbcStateRepository(dataSource);
        injection.setTableName("t; DROP TABLE x");
        e = assertThrows(IllegalArgumentException.class, () -> injection.setState("k", "v"));
        assertTrue(e.getMessage().contains("tableName"), e.getMessage());
    }

    @Test
    void aDatabaseErrorNamesTableAndKeyButNotTheConnection() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setTableName("state_error");
        repository.setState("k", "v");
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE state_error ADD CONSTRAINT short_values CHECK (length(state_value) < 3)");
        }
        Exception e = assertThrows(IllegalStateException.class, () -> repository.setState("k", "too long"));
        assertTrue(e.getMessage().contains("state_error") && e.getMessage().contains("key k"), e.getMessage());
        assertFalse(e.getMessage().contains("jdbc:"), e.getMessage());
        assertEquals("v", repository.getState("k"), "the failed write left the last value");
    }

    @Test
    void startingTouchesNoDatabaseAndAFailureNamesTheStateDatabaseWithoutThePassword() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://localhost:1/postgres?user=postgres&password=Sentinel-Pw-42");
        JdbcStateRepository repository = new JdbcStateRepository(unreachable);
        repository.start(); // the database is down: the consumer must start anyway
        Exception e = assertThrows(IllegalStateException.class, () -> repository.getState("k"));
        assertTrue(e.getMessage().contains("state database") && e.getMessage().contains("mimecast_directory_state"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Sentinel-Pw-42"), e.getMessage());
        assertEquals(JdbcStateRepository.DEFAULT_LOGIN_TIMEOUT, unreachable.getLoginTimeout(),
                "a data source without a login timeout gets one");
    }

    @Test
    void badTimeoutsAreRefusedAtStart() {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setQueryTimeout(0);
        Exception e = assertThrows(IllegalArgumentException.class, repository::start);
        assertTrue(e.getMessage().contains("queryTimeout"), e.getMessage());
    }

    @Test
    void aStatementBlockedByALockFailsWithinTheQueryTimeoutAndTheNextOneWorks() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setTableName("state_locked");
        repository.setQueryTimeout(1);
        repository.setState("k", "before");
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.executeQuery("SELECT * FROM state_locked WHERE state_key = 'k' FOR UPDATE").close();
            }
            long start = System.nanoTime();
            Exception e = assertThrows(IllegalStateException.class, () -> repository.setState("k", "blocked"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 8_000, "failed after " + millis + " ms, queryTimeout 1 s");
            assertTrue(e.getMessage().contains("57014"), "cancelled by the query timeout: " + e.getMessage());
            other.rollback();
        }
        repository.setState("k", "after");
        assertEquals("after", repository.getState("k"));
    }

    @Test
    void aDatabaseThatHangsMidStatementFailsTheCallWithinTheTimeouts() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setTableName("state_hung");
        repository.setQueryTimeout(2);
        repository.setLoginTimeout(2);
        repository.setState("k", "before");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.executeQuery("SELECT * FROM state_hung WHERE state_key = 'k' FOR UPDATE").close();
            }
            long start = System.nanoTime();
            Future<?> write = writer.submit(() -> repository.setState("k", "hung"));
            Thread.sleep(300); // the UPDATE is waiting for the lock: then nothing answers at all
            postgres.pause();
            try {
                ExecutionException e = assertThrows(ExecutionException.class, () -> write.get(30, TimeUnit.SECONDS));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 15_000, "failed after " + millis + " ms (query timeout 2 s, network timeout 4 s)");
                assertTrue(e.getCause().getMessage().contains("state database"), e.getCause().getMessage());

                // A new connection to the hung database: bounded by the login timeout.
                start = System.nanoTime();
                assertThrows(IllegalStateException.class, () -> repository.getState("k"));
                millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 15_000, "connecting failed after " + millis + " ms (login timeout 2 s)");
            } finally {
                postgres.resume();
            }
            other.rollback();
        } finally {
            writer.shutdownNow();
        }
        repository.setState("k", "after");
        assertEquals("after", repository.getState("k"));
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static boolean tableExists(String table) {
        try {
            count("SELECT count(*) FROM " + table);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
