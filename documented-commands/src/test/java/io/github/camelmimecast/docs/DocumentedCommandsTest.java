package io.github.camelmimecast.docs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The README's and every example README's command lines, run exactly as written from the repository root of a fresh
 * copy of the repository (what a clone holds: no {@code target}), in a shell, with an environment that holds no
 * {@code MIMECAST_*} variable: the demos against their embedded emulator.
 * <p>
 * Installed snapshots: the documented {@code install} commands run first and install this project's artifacts into
 * a local Maven repository of the test's own ({@code target/documented-commands/repository}), chained to the build's
 * local repository for third-party artifacts ({@code maven.repo.local.tail}, Maven 3.9), both passed in
 * {@code MAVEN_ARGS}, which Maven reads besides its command line. So every later command (the examples, the minimal
 * app's project of its own) resolves {@code 1.0.0-SNAPSHOT} from what the documented install wrote, never from the
 * build's reactor or an older install. The test command itself ({@code ./mvnw -B -ntp verify}) is the build that runs
 * this test: it is checked to be what CI runs, not run again. The environment sets {@code QUARKUS_HTTP_PORT=0}, so
 * that the Quarkus app takes a free port on a machine where 8080 is busy.
 */
class DocumentedCommandsTest {

    static final String QUICK_START_INSTALL = "./mvnw -B -q install -DskipTests -pl examples/members-to-file -am";
    static final String MEMBERS_TO_FILE = "./mvnw -B -q -f examples/members-to-file exec:java";
    static final String INSTALL = "./mvnw -B -q install -DskipTests";
    static final String HR_SYNC = "./mvnw -q -f examples/hr-sync exec:java";
    static final String MEMBERS_TO_KAFKA = "./mvnw -q -f examples/members-to-kafka exec:java";
    static final String SPRING_BOOT = "./mvnw -q -f examples/spring-boot exec:java";
    static final String QUARKUS_PACKAGE = "./mvnw -q -f examples/quarkus-app package -DskipTests";
    static final String QUARKUS_RUN = "MIMECAST_POLL_DELAY=5000 java -jar "
                                      + "examples/quarkus-app/target/quarkus-app/quarkus-run.jar";
    static final String HA_SANDBOX = "./mvnw -q -f examples/members-ha exec:java "
                                     + "-Dexec.mainClass=org.apache.camel.example.mimecast.ha.MembersHaSandbox";
    static final List<String> HA_NODES = List.of(1, 2, 3).stream()
            .map(n -> "./mvnw -q -f examples/members-ha exec:java -Dexec.args=node-" + n).toList();
    static final String EMULATOR = "./mvnw -q -f camel-mimecast-directory-emulator compile exec:java";
    static final String MINIMAL_APP = "./mvnw -q -f examples/minimal-app compile exec:java";
    /** The test command: the build this test runs in (.ci/run). */
    static final String VERIFY = "./mvnw -B -ntp verify";

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Path root = Path.of(System.getProperty("documented-commands.root", "..")).toAbsolutePath()
            .normalize();
    private final Path work = Path.of(System.getProperty("documented-commands.work", "target/documented-commands"))
            .toAbsolutePath();
    private final Path clone = work.resolve("clone");
    private final List<CommandRun> running = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private final Set<String> ran = new LinkedHashSet<>();
    private Map<String, String> env;

    @AfterEach
    void stopAll() throws Exception {
        for (CommandRun run : running) {
            run.kill();
        }
        if (!summary.isEmpty()) {
            Files.write(work.resolve("summary.txt"), summary);
            summary.forEach(line -> System.out.println("DocumentedCommandsTest: " + line));
        }
    }

    @Test
    void theTestRunsEveryDocumentedCommandAndNoOther() throws Exception {
        Set<String> runHere = new TreeSet<>(allRun());
        runHere.add(VERIFY);
        Map<String, List<Path>> documented = DocumentedCommands.steps(root);
        Set<String> notRun = new TreeSet<>(documented.keySet());
        notRun.removeAll(runHere);
        Set<String> notDocumented = new TreeSet<>(runHere);
        notDocumented.removeAll(documented.keySet());
        assertTrue(notRun.isEmpty(), () -> "documented but not run by this test (add its run): "
                                           + notRun.stream().map(c -> c + " in " + documented.get(c)).toList());
        assertTrue(notDocumented.isEmpty(), "run by this test but in no README (the README changed?): "
                                            + notDocumented);
        assertTrue(Files.readString(root.resolve(".ci/run")).lines().anyMatch(VERIFY::equals),
                "CI runs the documented test command");
    }

    @Test
    void everyDocumentedCommandRunsAsWrittenFromAFreshCopy() throws Exception {
        assumeFalse(Boolean.getBoolean("documented-commands.skip"), "-Ddocumented-commands.skip");
        RepositoryCopy.copy(root, clone);
        Path repository = work.resolve("repository");
        RepositoryCopy.delete(repository);
        env = environment(repository);

        // The quick start, then the install every other README starts with
        finite(QUICK_START_INSTALL, INSTALL_TIMEOUT);
        finite(MEMBERS_TO_FILE, RUN_TIMEOUT);
        assertTrue(Files.isRegularFile(clone.resolve("target/members-output/members.csv")), "the CSV snapshot");
        finite(INSTALL, INSTALL_TIMEOUT);

        membersHaAsDocumented();

        finite(HR_SYNC, RUN_TIMEOUT);
        try (Stream<Path> plans = Files.list(clone.resolve("target/hr-inbox-demo/.plans"))) {
            assertTrue(plans.findAny().isPresent(), "hr-sync wrote its plan");
        }
        CommandRun kafka = finite(MEMBERS_TO_KAFKA, RUN_TIMEOUT);
        assertTrue(Pattern.compile("The topic \\S+ holds [1-9]\\d* records").matcher(kafka.output()).find(),
                kafka.output());
        CommandRun springBoot = finite(SPRING_BOOT, RUN_TIMEOUT);
        assertTrue(Pattern.compile("member-changes +: ADDED user00001@example.com").matcher(springBoot.output())
                .find(), springBoot.output());

        finite(QUARKUS_PACKAGE, INSTALL_TIMEOUT);
        CommandRun quarkus = background(QUARKUS_RUN, Pattern.compile("mimecast\\.member-changes.*(ADDED|REMOVED)"));
        quarkus.kill();

        minimalAppAgainstTheStandaloneEmulator();
    }

    /** The sandbox and three nodes, one terminal each; the writing node killed: another takes over. */
    private void membersHaAsDocumented() throws Exception {
        CommandRun sandbox = background(HA_SANDBOX, Pattern.compile("Sandbox ready"));
        Map<String, CommandRun> nodes = new HashMap<>();
        for (int n = 0; n < HA_NODES.size(); n++) { // three terminals: started together
            CommandRun node = start(HA_NODES.get(n));
            running.add(node);
            nodes.put("node-" + (n + 1), node);
        }
        for (CommandRun node : nodes.values()) {
            node.awaitOutput(Pattern.compile("Apache Camel \\S+ \\(members-ha\\) started"), READY_TIMEOUT);
            summary.add(node.elapsed().toSeconds() + " s until ready: " + node.command());
        }
        Path changes = clone.resolve("target/members-ha/changes.jsonl");
        await().atMost(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> !writers(changes, 0).isEmpty());
        String leader = writers(changes, 0).get(0);
        int before = Files.readAllLines(changes).size();
        long killed = System.nanoTime();
        nodes.get(leader).kill(); // "kill -9 its Maven process"
        await().atMost(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> writers(changes, before).stream().anyMatch(node -> !node.equals(leader)));
        summary.add("members-ha: " + leader + " killed, " + writers(changes, before).get(0) + " wrote after "
                    + Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms");
        for (CommandRun node : nodes.values()) {
            node.kill();
        }
        sandbox.kill();
    }

    /** The standalone emulator in one terminal, the minimal app (on the installed artifacts) in another. */
    private void minimalAppAgainstTheStandaloneEmulator() throws Exception {
        String emulatorCommand = EMULATOR;
        if (!isFree(8089)) {
            // Another process holds the emulator's default port here: the README's variant for another port
            emulatorCommand = EMULATOR + " -Dexec.args=0";
            ran.add(EMULATOR);
        }
        CommandRun emulator = background(emulatorCommand, Pattern.compile("listening on (http://\\S+) "));
        Matcher baseUrl = Pattern.compile("listening on (http://\\S+) ").matcher(emulator.output());
        assertTrue(baseUrl.find());
        env.put("MIMECAST_BASE_URL", baseUrl.group(1));
        CommandRun app = finite(MINIMAL_APP, RUN_TIMEOUT);
        env.remove("MIMECAST_BASE_URL");
        assertTrue(app.output().contains("Groups: [Group[id=group-1, description=Demo Group"), app.output());
        assertTrue(app.output().contains("MemberChange[groupId=group-1, changeType=ADDED"), app.output());
        emulator.kill();
    }

    /** The nodes named by the lines of changes.jsonl after the first skip lines, in order. */
    private static List<String> writers(Path changes, int skip) throws IOException {
        if (!Files.exists(changes)) {
            return List.of();
        }
        Pattern node = Pattern.compile("\"node\":\"([^\"]+)\"");
        return Files.readAllLines(changes).stream().skip(skip).map(node::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).distinct().toList();
    }

    private CommandRun finite(String command, Duration timeout) throws Exception {
        CommandRun run = start(command);
        run.awaitSuccess(timeout);
        summary.add(run.elapsed().toSeconds() + " s: " + command);
        return run;
    }

    private CommandRun background(String command, Pattern ready) throws Exception {
        CommandRun run = start(command);
        running.add(run);
        run.awaitOutput(ready, READY_TIMEOUT);
        summary.add(run.elapsed().toSeconds() + " s until ready: " + command);
        return run;
    }

    private CommandRun start(String command) throws IOException {
        ran.add(command);
        Path log = work.resolve("logs").resolve(String.format("%02d-%s.log", ran.size(),
                command.replaceAll("[^A-Za-z0-9.-]+", "_")));
        return CommandRun.start(command, clone, env, log);
    }

    /** What a user's shell would have, without the variables that point examples at real systems. */
    private static Map<String, String> environment(Path repository) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "MAVEN_USER_HOME", "MVNW_REPOURL",
                "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", Path.of(javaHome, "bin") + ":" + System.getenv("PATH"));
        String buildRepository = System.getProperty("documented-commands.local-repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        env.put("MAVEN_ARGS", "-Dmaven.repo.local=" + repository + " -Dmaven.repo.local.tail=" + buildRepository);
        env.put("QUARKUS_HTTP_PORT", "0");
        return env;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every command the run above starts, in its order. */
    static List<String> allRun() {
        List<String> all = new ArrayList<>(List.of(QUICK_START_INSTALL, MEMBERS_TO_FILE, INSTALL, HA_SANDBOX));
        all.addAll(HA_NODES);
        all.addAll(List.of(HR_SYNC, MEMBERS_TO_KAFKA, SPRING_BOOT, QUARKUS_PACKAGE, QUARKUS_RUN, EMULATOR,
                MINIMAL_APP));
        return all;
    }
}
