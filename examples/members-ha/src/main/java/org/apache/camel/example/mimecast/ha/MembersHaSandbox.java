package org.apache.camel.example.mimecast.ha;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.postgres.EmbeddedPostgresServer;
import org.apache.camel.util.StringHelper;

/**
 * What the nodes share when there is no real Mimecast: the Mimecast emulator with a demo group of 30 members (one
 * joins and one leaves every two seconds) and a PostgreSQL for the membership state (embedded, unless
 * {@code MEMBERS_HA_JDBC_URL} names one). It writes where they are to {@code <MEMBERS_HA_DIR>/sandbox.properties}
 * (default {@code target/members-ha}), which the nodes read, and runs until stopped.
 */
public final class MembersHaSandbox implements AutoCloseable {

    static final String PROPERTIES = "sandbox.properties";

    private final MimecastEmulator emulator;
    private final EmbeddedPostgresServer postgres;
    private final ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
    private final String groupId;

    private MembersHaSandbox(MimecastEmulator emulator, EmbeddedPostgresServer postgres, String groupId) {
        this.emulator = emulator;
        this.postgres = postgres;
        this.groupId = groupId;
    }

    public static void main(String[] args) throws Exception {
        try (MembersHaSandbox sandbox = start(System.getenv())) {
            System.out.println("Sandbox ready: start the nodes (MembersHaNode node-1, node-2, ...). Ctrl-C stops it.");
            Thread.currentThread().join();
        }
    }

    /** Starts the emulator, the database and the churn; writes sandbox.properties. */
    static MembersHaSandbox start(Map<String, String> env) throws IOException {
        Path dir = Path.of(env.getOrDefault("MEMBERS_HA_DIR", "target/members-ha"));
        Files.createDirectories(dir);
        MimecastEmulator emulator = MimecastEmulator.builder().build().start();
        String group = emulator.directory().createGroup("Demo Group").id();
        emulator.directory().addMembers(group, 30);
        String jdbcUrl = env.get("MEMBERS_HA_JDBC_URL");
        EmbeddedPostgresServer postgres = null;
        if (jdbcUrl == null) {
            postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"));
            jdbcUrl = postgres.jdbcUrl();
        }
        MembersHaSandbox sandbox = new MembersHaSandbox(emulator, postgres, group);
        long period = Long.parseLong(env.getOrDefault("MEMBERS_HA_CHURN_MILLIS", "2000"));
        sandbox.churn(period);

        // Read by the nodes' profile sandbox (application-sandbox.properties)
        Properties properties = new Properties();
        emulator.componentOptions().forEach((option, value) -> properties.setProperty(
                "camel.component.mimecast-directory." + StringHelper.camelCaseToDash(option), value));
        properties.setProperty("sandbox.group-id", group);
        properties.setProperty("sandbox.jdbc-url", jdbcUrl);
        try (OutputStream out = Files.newOutputStream(dir.resolve(PROPERTIES))) {
            properties.store(out, "Written by MembersHaSandbox: the emulator (demo credentials) and the database");
        }
        System.out.println("Mimecast emulator at " + emulator.baseUrl() + ", group " + group + ", PostgreSQL at "
                           + jdbcUrl);
        return sandbox;
    }

    /** Every period one new hire joins the demo group and user0000n leaves it. */
    private void churn(long periodMillis) {
        AtomicInteger hires = new AtomicInteger();
        churn.scheduleAtFixedRate(() -> {
            int n = hires.incrementAndGet();
            emulator.directory().addMember(groupId, "new.hire" + n + "@example.com", null);
            emulator.directory().removeMember(groupId, String.format("user%05d@example.com", n));
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the membership changes (the group then stays as it is). */
    void stopChurn() {
        churn.shutdownNow();
    }

    MimecastEmulator emulator() {
        return emulator;
    }

    String groupId() {
        return groupId;
    }

    @Override
    public void close() throws IOException {
        churn.shutdownNow();
        if (postgres != null) {
            postgres.close();
        }
        emulator.close();
    }
}
