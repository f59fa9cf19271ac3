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
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.util.StringHelper;

/**
 * What the nodes share when there is no real Mimecast: the Mimecast emulator with a demo group of 30 members (one
 * joins and one leaves every two seconds) and an embedded PostgreSQL for the membership state. It writes where they
 * are to {@code <MEMBERS_HA_DIR>/sandbox.properties} (default {@code target/members-ha}), which the nodes read, and
 * runs until stopped. It is the demo, so it follows DemoMimecast's rule: it refuses to start when a {@code MIMECAST_*}
 * variable is set or a variable names a real run's database or lock directory, and in a directory where real nodes
 * have run.
 */
public final class MembersHaSandbox implements AutoCloseable {

    static final String PROPERTIES = "sandbox.properties";
    static final String START_COMMAND = "./mvnw -q -f examples/members-ha exec:java "
                                        + "-Dexec.mainClass=" + MembersHaSandbox.class.getName();

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
        Map<String, String> env = System.getenv();
        try (MembersHaSandbox sandbox = start(env)) {
            System.out.println("Sandbox ready, " + propertiesFile(env) + " written: start the nodes from "
                               + Path.of("").toAbsolutePath() + " (./mvnw -q -f examples/members-ha exec:java "
                               + "-Dexec.args=node-1, node-2, ...). Ctrl-C stops it.");
            Thread.currentThread().join();
        }
    }

    /** Starts the emulator, the database and the churn; writes sandbox.properties. */
    static MembersHaSandbox start(Map<String, String> env) throws IOException {
        if (MembersHaNode.target(env) != Target.DEMO) {
            throw new IllegalStateException("MIMECAST_* variables are set: the nodes run against real Mimecast, "
                                            + "without the sandbox");
        }
        Path dir = dir(env);
        // Real nodes keep their lock in <dir>/cluster and have no sandbox.properties: a sandbox node there would
        // contend for their lock and append demo changes to their output.
        if (Files.exists(dir.resolve("cluster")) && !Files.exists(dir.resolve(PROPERTIES))) {
            throw new IllegalStateException("The sandbox does not run in " + dir.toAbsolutePath().normalize()
                                            + " (MEMBERS_HA_DIR): nodes against real Mimecast use it. Choose another"
                                            + " directory for the sandbox.");
        }
        Files.createDirectories(dir);
        MimecastEmulator emulator = MimecastEmulator.builder().build().start();
        String group = emulator.directory().createGroup("Demo Group").id();
        emulator.directory().addMembers(group, 30);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"));
        String jdbcUrl = postgres.jdbcUrl();
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

    /**
     * MEMBERS_HA_DIR, default target/members-ha (application.properties' default too). Relative to the working
     * directory: under exec:java, the directory Maven was started from, not the module named by -f.
     */
    static Path dir(Map<String, String> env) {
        return Path.of(env.getOrDefault("MEMBERS_HA_DIR", "target/members-ha"));
    }

    /** Where the sandbox writes, and a sandbox node reads, the sandbox's connection details. */
    static Path propertiesFile(Map<String, String> env) {
        return dir(env).resolve(PROPERTIES).toAbsolutePath().normalize();
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
        postgres.close();
        emulator.close();
    }
}
