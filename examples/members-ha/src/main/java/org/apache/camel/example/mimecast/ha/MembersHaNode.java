package org.apache.camel.example.mimecast.ha;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.state.JdbcStateRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of the members-ha example: {@code MembersHaNode <name>}. Every node runs the same route behind
 * {@code master:}; the file-lock cluster service in {@code MEMBERS_HA_CLUSTER_DIR} lets one of them poll, the others
 * wait and take over when it dies. The membership state is in PostgreSQL ({@link JdbcStateRepository}), so the new
 * leader resumes where the last one stopped. Each change is appended as a JSON line (with the node's name) to
 * {@code MEMBERS_HA_OUTPUT}, flushed per exchange.
 * <p>
 * Settings: the sandbox's {@code sandbox.properties} in {@code MEMBERS_HA_DIR} (default {@code target/members-ha}); or,
 * against real Mimecast, {@code MIMECAST_ACCESS_KEY}, {@code MIMECAST_SECRET_KEY}, {@code MIMECAST_APP_ID},
 * {@code MIMECAST_APP_KEY}, {@code MIMECAST_REGION}, {@code MIMECAST_GROUP_ID} and {@code MEMBERS_HA_JDBC_URL}.
 */
public final class MembersHaNode {

    private static final Logger LOG = LoggerFactory.getLogger(MembersHaNode.class);

    private MembersHaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].isBlank()) {
            throw new IllegalArgumentException("Name the node: MembersHaNode node-1 (exec:java -Dexec.args=node-1)");
        }
        CamelContext context = start(args[0], System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
        new CountDownLatch(1).await();
    }

    static CamelContext start(String node, Map<String, String> env) throws Exception {
        Path dir = Path.of(env.getOrDefault("MEMBERS_HA_DIR", "target/members-ha"));
        Properties settings = settings(dir, env);
        Path output = Path.of(env.getOrDefault("MEMBERS_HA_OUTPUT", dir.resolve("changes.jsonl").toString()));
        Files.createDirectories(output.toAbsolutePath().getParent());

        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        for (String option : List.of("baseUrl", "region", "accessKey", "secretKey", "appId", "appKey")) {
            if (settings.getProperty(option) != null) {
                PropertyBindingSupport.build().bind(context, component.getConfiguration(), option,
                        settings.getProperty(option));
            }
        }
        context.addComponent("mimecast-directory", component);

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.getProperty("jdbcUrl"));
        context.getRegistry().bind("membersState", new JdbcStateRepository(dataSource));

        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(env.getOrDefault("MEMBERS_HA_CLUSTER_DIR", dir.resolve("cluster").toString()));
        cluster.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(Long.parseLong(env.getOrDefault("MEMBERS_HA_LOCK_INTERVAL_MILLIS", "1000")),
                TimeUnit.MILLISECONDS);
        context.addService(cluster);

        String delay = env.getOrDefault("MEMBERS_HA_POLL_DELAY_MILLIS", "1000");
        OutputStream out = new FileOutputStream(output.toFile(), true);
        ObjectMapper json = new ObjectMapper();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:members-ha:mimecast-directory:get-group-members?mode=changes&stateRepository=#membersState"
                     + "&delay=" + delay + "&groupId=" + settings.getProperty("groupId"))
                        .routeId("members-ha")
                        .process(exchange -> {
                            // The exchange's lines in one write, flushed before the state advances
                            StringBuilder lines = new StringBuilder();
                            for (Object change : exchange.getMessage().getBody(List.class)) {
                                MemberChange c = (MemberChange) change;
                                lines.append(json.writeValueAsString(Map.of("node", node,
                                        "changeType", c.changeType().name(), "member", c.member().identity())))
                                        .append('\n');
                            }
                            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            LOG.info("{} wrote {} change(s)", node, exchange.getMessage().getBody(List.class).size());
                        });
            }
        });
        context.start();
        System.out.println(node + " started; the leader writes to " + output.toAbsolutePath());
        return context;
    }

    private static Properties settings(Path dir, Map<String, String> env) throws IOException {
        Properties settings = new Properties();
        if (env.get("MIMECAST_ACCESS_KEY") != null) {
            settings.setProperty("accessKey", env.get("MIMECAST_ACCESS_KEY"));
            settings.setProperty("secretKey", require(env, "MIMECAST_SECRET_KEY"));
            settings.setProperty("appId", require(env, "MIMECAST_APP_ID"));
            settings.setProperty("appKey", require(env, "MIMECAST_APP_KEY"));
            if (env.get("MIMECAST_BASE_URL") != null) {
                settings.setProperty("baseUrl", env.get("MIMECAST_BASE_URL"));
            } else {
                settings.setProperty("region", require(env, "MIMECAST_REGION"));
            }
            settings.setProperty("groupId", require(env, "MIMECAST_GROUP_ID"));
            settings.setProperty("jdbcUrl", require(env, "MEMBERS_HA_JDBC_URL"));
            return settings;
        }
        Path file = dir.resolve(MembersHaSandbox.PROPERTIES);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No " + file + ": start the sandbox first (MembersHaSandbox), or set the "
                                            + "MIMECAST_* variables and MEMBERS_HA_JDBC_URL for real Mimecast");
        }
        try (InputStream in = Files.newInputStream(file)) {
            settings.load(in);
        }
        if (env.get("MEMBERS_HA_JDBC_URL") != null) {
            settings.setProperty("jdbcUrl", env.get("MEMBERS_HA_JDBC_URL"));
        }
        return settings;
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set " + name + " to run against real Mimecast");
        }
        return value;
    }
}
