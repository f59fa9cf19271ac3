package io.github.camelmimecast.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One documented step run by {@code bash -c}, as a user's shell would, in the repository copy; its output (stdout and
 * stderr) in a log file.
 */
final class CommandRun {

    private final String command;
    private final Process process;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private CommandRun(String command, Process process, Path log) {
        this.command = command;
        this.process = process;
        this.log = log;
    }

    static CommandRun start(String command, Path dir, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new CommandRun(command, builder.start(), log);
    }

    /** Waits for the command to end, and asserts it succeeded. */
    CommandRun awaitSuccess(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("'" + command + "' did not end within " + timeout + ":\n" + tail());
        }
        assertEquals(0, process.exitValue(), () -> "'" + command + "' failed:\n" + tail());
        return this;
    }

    /** Waits until the output matches, failing at once (with the output) when the command ends first. */
    CommandRun awaitOutput(Pattern pattern, Duration timeout) {
        await().atMost(timeout.toMillis(), TimeUnit.MILLISECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> {
                    if (pattern.matcher(output()).find()) {
                        return true;
                    }
                    assertTrue(process.isAlive(), () -> "'" + command + "' ended before printing " + pattern + ":\n"
                                                        + tail());
                    return false;
                });
        return this;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the command and everything it started (bash, the wrapper, Maven's JVM), as kill -9 would. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    String command() {
        return command;
    }

    private String tail() {
        String output = output();
        return output.length() <= 6000 ? output : "..." + output.substring(output.length() - 6000);
    }
}
