package org.apache.camel.component.mimecast.directory.consumer;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mimecast.directory.AuthMode;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository;
import org.apache.camel.component.mimecast.directory.state.JdbcStateRepository;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The separate JVM of {@link CrashRestartTest}, {@link FailoverTest} and {@link ZooKeeperFailoverTest}: a changes consumer against the emulator
 * (settings from environment variables) that appends every change it receives as a JSON line to OUT (written through,
 * per exchange), then reports progress as a line in PROGRESS, then waits SLOW_MILLIS so that a kill lands mid-stream.
 * <ul>
 * <li>Authentication: CLIENT_ID and CLIENT_SECRET (API 2.0) when set, else ACCESS_KEY, SECRET_KEY, APP_ID, APP_KEY.</li>
 * <li>State: JDBC_URL (a {@link JdbcStateRepository} on PostgreSQL, or with STATE_LAYOUT=rows a
 * {@link JdbcMembershipRepository}; QUERY_TIMEOUT and LOGIN_TIMEOUT in seconds when set) when set, else
 * STATE_FILE.</li>
 * <li>CLUSTER_DIR: the route runs behind {@code master:} with a {@link FileLockClusterService} rooted there, the lock
 * checked every CLUSTER_INTERVAL_MILLIS; PROGRESS gets a line {@code leader} when this node takes the
 * leadership.</li>
 * <li>ZOOKEEPER_NODES (without CLUSTER_DIR): behind {@code master:} with camel-zookeeper's
 * {@link ZooKeeperClusterService} on that ensemble, the session timeout ZOOKEEPER_SESSION_TIMEOUT_MILLIS.</li>
 * <li>Every failed poll or exchange (the consumer's exception handler) is a PROGRESS line {@code failed <epoch millis>
 * <message>}.</li>
 * </ul>
 */
public final class ChangesConsumerProcess {

    private ChangesConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        ObjectMapper json = new ObjectMapper();
        AtomicInteger exchanges = new AtomicInteger();
        long slow = Long.parseLong(env.get("SLOW_MILLIS"));
        OutputStream out = new FileOutputStream(env.get("OUT"), true);
        OutputStream progress = new FileOutputStream(env.get("PROGRESS"), true);

        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        MimecastDirectoryConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(env.get("BASE_URL"));
        if (env.containsKey("CLIENT_ID")) {
            configuration.setAuthMode(AuthMode.oauth2);
            configuration.setClientId(env.get("CLIENT_ID"));
            configuration.setClientSecret(env.get("CLIENT_SECRET"));
        } else {
            configuration.setAccessKey(env.get("ACCESS_KEY"));
            configuration.setSecretKey(env.get("SECRET_KEY"));
            configuration.setAppId(env.get("APP_ID"));
            configuration.setAppKey(env.get("APP_KEY"));
        }
        configuration.setRetryBackoff(10);
        context.addComponent("mimecast-directory", component);
        String state = "&stateFile=" + env.get("STATE_FILE");
        if (env.containsKey("JDBC_URL")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(env.get("JDBC_URL"));
            JdbcStateRepository repository = "rows".equals(env.get("STATE_LAYOUT"))
                    ? new JdbcMembershipRepository(dataSource) : new JdbcStateRepository(dataSource);
            if (env.containsKey("QUERY_TIMEOUT")) {
                repository.setQueryTimeout(Integer.parseInt(env.get("QUERY_TIMEOUT")));
            }
            if (env.containsKey("LOGIN_TIMEOUT")) {
                repository.setLoginTimeout(Integer.parseInt(env.get("LOGIN_TIMEOUT")));
            }
            context.getRegistry().bind("sharedState", repository);
            state = "&stateRepository=#sharedState";
        }
        context.getRegistry().bind("progressHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handleException(null, null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handleException(message, null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                try {
                    String text = String.valueOf(exception.getMessage()).replace('\n', ' ');
                    write(progress, "failed " + System.currentTimeMillis() + " " + text);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        String from = "mimecast-directory:get-group-members?mode=changes&delay=100&initialDelay=0&pageSize="
                      + env.get("PAGE_SIZE") + state + "&groupId=" + env.get("GROUP")
                      + "&exceptionHandler=#progressHandler";
        org.apache.camel.cluster.CamelClusterService cluster = null;
        if (env.containsKey("CLUSTER_DIR")) {
            FileLockClusterService fileLock = new FileLockClusterService();
            fileLock.setRoot(env.get("CLUSTER_DIR"));
            long interval = Long.parseLong(env.getOrDefault("CLUSTER_INTERVAL_MILLIS", "500"));
            fileLock.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            fileLock.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
            fileLock.setHeartbeatTimeoutMultiplier(2);
            cluster = fileLock;
        } else if (env.containsKey("ZOOKEEPER_NODES")) {
            ZooKeeperClusterService zooKeeper = new ZooKeeperClusterService();
            zooKeeper.setId("node-" + ProcessHandle.current().pid()); // its member id in the election
            zooKeeper.setNodes(env.get("ZOOKEEPER_NODES"));
            zooKeeper.setBasePath("/camel/mimecast-members");
            zooKeeper.setSessionTimeout(Long.parseLong(env.get("ZOOKEEPER_SESSION_TIMEOUT_MILLIS")));
            cluster = zooKeeper;
        }
        if (cluster != null) {
            context.addService(cluster);
            from = "master:mimecast-members:" + from;
        }
        String endpoint = from;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint)
                        .process(e -> {
                            // One JSON line per change, the exchange's lines in one write.
                            String exchangeId = ProcessHandle.current().pid() + "-" + exchanges.incrementAndGet();
                            StringBuilder lines = new StringBuilder();
                            for (Object change : e.getMessage().getBody(List.class)) {
                                MemberChange c = (MemberChange) change;
                                lines.append(json.writeValueAsString(Map.of("exchange", exchangeId, "change",
                                        c.changeType().name(), "member", c.member().identity()))).append('\n');
                            }
                            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            int index = e.getProperty(Exchange.BATCH_INDEX, Integer.class);
                            int size = e.getProperty(Exchange.BATCH_SIZE, Integer.class);
                            write(progress, "exchange " + (index + 1) + "/" + size);
                            Thread.sleep(slow);
                        });
            }
        });
        context.start();
        if (cluster != null) {
            CamelClusterView view = cluster.getView("mimecast-members");
            view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> reportLeader(progress,
                    Optional.ofNullable(leader)));
            reportLeader(progress, view.getLeader()); // taken before the listener was added
        }
        write(progress, "started");
        new CountDownLatch(1).await();
    }

    private static void reportLeader(OutputStream progress, Optional<CamelClusterMember> leader) {
        if (leader.isPresent() && leader.get().isLocal()) {
            try {
                write(progress, "leader");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static synchronized void write(OutputStream progress, String line) throws Exception {
        progress.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        progress.flush();
    }
}
