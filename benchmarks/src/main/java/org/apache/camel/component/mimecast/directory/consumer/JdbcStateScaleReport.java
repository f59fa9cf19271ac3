package org.apache.camel.component.mimecast.directory.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository;
import org.apache.camel.component.mimecast.directory.state.JdbcStateRepository;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;

/**
 * The changes consumer's state on a real PostgreSQL (embedded binaries, fsync on), both stores in one run at 100,000
 * and 1,000,000 members: {@code stateRepository=#jdbcStateRepository} (RepositoryMembershipStore: the group's whole
 * membership in one value per exchange) against {@code stateRepository=#jdbcMembershipRepository}
 * (JdbcMembershipStore: one row per member), through a HikariCP pool. Each exchange is what the consumer does: begin (the pending members,
 * durable before the exchange is emitted) and apply (the commit). Per store and size: the baseline (the group's
 * first poll, exchanges of 500 ADDED), then exchanges of 500 changes (250 joined, 250 left) and of 1 change on the
 * full group, after an ANALYZE (what autovacuum does in production). The one-value store's 1,000,000-member baseline would rewrite a value growing to 3.5 MB 2,000 times
 * (tens of minutes): it is stopped after {@link #BASELINE_BUDGET_NANOS} and projected from the exchanges done (the
 * row store's baseline runs to its end).
 */
public final class JdbcStateScaleReport {

    static final int PAGE = 500;
    static final int EXCHANGES = 10;
    static final int WARM_UP = 10;
    static final long BASELINE_BUDGET_NANOS = 90_000_000_000L;

    private JdbcStateScaleReport() {
    }

    /** Arguments, both optional: the group sizes (default 100000,1000000) and which stores (both, values or rows). */
    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] { 100_000, 1_000_000 };
        String stores = args.length > 1 ? args[1] : "both";
        run(Files.createTempDirectory("mimecast-jdbc-state-bench"), sizes, stores, System.out::println);
    }

    public static void run(Path dir, Consumer<String> out) throws Exception {
        run(dir, new int[] { 100_000, 1_000_000 }, "both", out);
    }

    static void run(Path dir, int[] sizes, String stores, Consumer<String> out) throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir);
             HikariDataSource dataSource = pool(postgres)) {
            out.accept("  " + floor(dataSource));
            for (int members : sizes) {
                List<String> group = new ArrayList<>(members);
                for (int i = 0; i < members; i++) {
                    group.add(String.format(Locale.ROOT, "user%07d@example.com", i));
                }
                if (!stores.equals("rows")) {
                    JdbcStateRepository values = new JdbcStateRepository(dataSource);
                    values.setTableName("bench_values_" + members);
                    measure("one value per group (JdbcStateRepository)", new RepositoryMembershipStore(values), group,
                            BASELINE_BUDGET_NANOS, dataSource, out);
                }
                if (!stores.equals("values")) {
                    JdbcMembershipRepository rows = new JdbcMembershipRepository(dataSource);
                    rows.setTablePrefix("bench_rows_" + members + "_");
                    measure("one row per member (JdbcMembershipRepository)", new JdbcMembershipStore(rows), group,
                            Long.MAX_VALUE, dataSource, out);
                }
            }
        }
    }

    private static void measure(
            String name, MembershipStore store, List<String> members, long budgetNanos, DataSource dataSource,
            Consumer<String> out) throws SQLException {
        String group = "group-1";
        Object owner = new Object();
        store.claim(group, owner);
        store.load(group);
        int exchanges = members.size() / PAGE;
        long start = System.nanoTime();
        int done = 0;
        for (; done < exchanges && System.nanoTime() - start < budgetNanos; done++) {
            List<String> page = members.subList(done * PAGE, (done + 1) * PAGE);
            store.begin(group, page);
            store.apply(group, page, List.of());
        }
        long baseline = System.nanoTime() - start;
        if (done < exchanges) {
            // Stopped: the rest written at once, as a new member set (not timed), so the exchanges below see them all.
            List<String> rest = members.subList(done * PAGE, members.size());
            store.apply(group, rest, List.of());
            out.accept(String.format(Locale.ROOT, "  %s at %,d members: baseline stopped after %d of %d exchanges "
                                                  + "(%,.1f s); projected %,.0f s for all %d (the cost of an exchange "
                                                  + "grows with the value, so the total grows with the square)",
                    name, members.size(), done, exchanges, baseline / 1e9,
                    projectedBaseline(baseline, done, exchanges), exchanges));
        } else {
            out.accept(String.format(Locale.ROOT, "  %s at %,d members: baseline %,d exchanges of %d ADDED in %,.1f s "
                                                  + "(%.1f ms per exchange)",
                    name, members.size(), exchanges, PAGE, baseline / 1e9, baseline / 1e6 / exchanges));
        }
        analyze(dataSource);
        Set<String> expected = new LinkedHashSet<>(members);
        // The first exchanges of each kind warm the JIT and the prepared statements up: not counted.
        long[] large = new long[EXCHANGES];
        long[] single = new long[EXCHANGES];
        for (int e = 0; e < WARM_UP + EXCHANGES; e++) {
            List<String> joined = new ArrayList<>();
            List<String> left = new ArrayList<>();
            for (int i = 0; i < PAGE / 2; i++) {
                joined.add("hire" + e + "-" + i + "@example.com");
                left.add(members.get(e * PAGE + i));
            }
            long nanos = exchange(store, group, joined, left);
            if (e >= WARM_UP) {
                large[e - WARM_UP] = nanos;
            }
            expected.addAll(joined);
            left.forEach(expected::remove);
        }
        for (int e = 0; e < WARM_UP + EXCHANGES; e++) {
            List<String> joined = List.of("single" + e + "@example.com");
            List<String> left = List.of(members.get(members.size() - 1 - e));
            long nanos = exchange(store, group, joined, left);
            if (e >= WARM_UP) {
                single[e - WARM_UP] = nanos;
            }
            expected.addAll(joined);
            left.forEach(expected::remove);
        }
        out.accept("    " + row("exchange of 500 changes (begin + commit)", large));
        out.accept("    " + row("exchange of 1 change (begin + commit)", single));
        // Another node reads what was written: the measurement wrote real state.
        store.claim(group, owner);
        if (!expected.equals(store.load(group))) {
            throw new IllegalStateException(name + ": the stored membership differs from the one written");
        }
        store.close();
    }

    /** Statistics, as autovacuum keeps them in production: a fresh table's plans are the planner's guesses. */
    private static void analyze(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    /** Connections from a pool, as in production: the numbers are the store's, not a connection set-up's. */
    private static HikariDataSource pool(EmbeddedPostgresServer postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** The database's floor here: a transaction of one small upsert, committed (fsync). */
    private static String floor(DataSource dataSource) {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setTableName("bench_floor");
        repository.setState("k", "warm-up");
        long[] nanos = new long[20];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            repository.setState("k", "v" + i);
            nanos[i] = System.nanoTime() - start;
        }
        return row("floor: one transaction of one small upsert (fsync on)", nanos);
    }

    /** A linearly growing cost per exchange: the mean of the exchanges done scaled to the whole, quadratically. */
    private static double projectedBaseline(long nanos, int done, int exchanges) {
        double ratio = (double) exchanges / done;
        return nanos / 1e9 * ratio * ratio;
    }

    private static long exchange(MembershipStore store, String group, List<String> joined, List<String> left) {
        List<String> slice = new ArrayList<>(joined);
        slice.addAll(left);
        long start = System.nanoTime();
        store.begin(group, slice);
        store.apply(group, joined, left);
        return System.nanoTime() - start;
    }

    private static String row(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s: mean %.1f ms, p50 %.1f ms, max %.1f ms (%d exchanges)", what,
                Arrays.stream(nanos).average().orElse(0) / 1e6, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length - 1] / 1e6, nanos.length);
    }
}
