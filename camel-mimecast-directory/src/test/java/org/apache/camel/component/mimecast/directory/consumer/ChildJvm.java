package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link ChangesConsumerProcess} in its own JVM (the test class path), with a progress file it appends a line to
 * per delivered exchange, and a log. Killed with SIGKILL: no shutdown hook, no graceful stop.
 */
final class ChildJvm {

    private final Process process;
    private final Path progress;
    private final Path log;

    private ChildJvm(Process process, Path progress, Path log) {
        this.process = process;
        this.progress = progress;
        this.log = log;
    }

    /** Starts a child with these environment variables; PROGRESS and its log are files named after it in dir. */
    static ChildJvm start(Path dir, String name, Map<String, String> env) throws IOException {
        Path progress = dir.resolve(name + ".progress");
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(progress);
        Files.createFile(progress);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath, ChangesConsumerProcess.class.getName());
        builder.environment().putAll(env);
        builder.environment().put("PROGRESS", progress.toString());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ChildJvm(builder.start(), progress, log);
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> progress() throws IOException {
        return Files.readAllLines(progress);
    }

    long count(Predicate<String> line) throws IOException {
        return progress().stream().filter(line).count();
    }

    /** Waits until count progress lines match, failing early (with the log) when the child died. */
    void awaitProgress(Predicate<String> line, int count) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(5, TimeUnit.MILLISECONDS)
                .until(() -> {
                    assertTrue(process.isAlive(), () -> "the child died: " + log());
                    return count(line) >= count;
                });
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static boolean isExchange(String line) {
        return line.startsWith("exchange ");
    }

    static boolean isLeader(String line) {
        return line.equals("leader");
    }

    /** A failed poll or exchange: {@code failed <epoch millis> <message>}. */
    static boolean isFailure(String line) {
        return line.startsWith("failed ");
    }

    static long failureMillis(String line) {
        return Long.parseLong(line.split(" ", 3)[1]);
    }

    static boolean isLastOfBatch(String line) {
        if (!isExchange(line)) {
            return false;
        }
        String[] indexOfSize = line.substring("exchange ".length()).split("/");
        return indexOfSize[0].equals(indexOfSize[1]);
    }
}
