package org.apache.camel.example.mimecast.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts an example's main class in a JVM of its own, with an environment of its own: what an example makes of real
 * environment variables (which a test cannot set in its own JVM), or a node to kill, is tested that way.
 */
public final class ExampleJvm {

    /** How a run ended: its exit value and everything it printed. */
    public record Result(int exitValue, String output) {
    }

    private ExampleJvm() {
    }

    /**
     * @param mainClass   the example's main class, on this JVM's class path
     * @param cleared     prefixes of this JVM's variables not passed on (such as {@code MIMECAST_})
     * @param environment the variables to set
     * @param log         where its standard output and error go
     */
    public static Process start(
            Class<?> mainClass, List<String> cleared, Map<String, String> environment, Path log, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> cleared.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs it to its end, killing it after a minute, and returns how it ended. */
    public static Result run(
            Class<?> mainClass, List<String> cleared, Map<String, String> environment, Path log, String... args)
            throws IOException, InterruptedException {
        Process process = start(mainClass, cleared, environment, log, args);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
