package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise under kill -9: a changes consumer in a separate JVM is killed with SIGKILL before, during and after a
 * group's pages, restarted, with members joining and leaving while it is down. Replaying every change it delivered
 * gives the group's membership: nothing lost, and at most one exchange's changes repeated per kill.
 */
class CrashRestartTest {

    private static final int PAGE_SIZE = 4;

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    @TempDir
    Path dir;

    private ChildJvm child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null) {
            child.kill();
        }
    }

    @Test
    void killNineAtSeveralPointsOfAPollLosesNothingAndRepeatsAtMostTheExchangeInFlight() throws Exception {
        MimecastEmulator emulator = mimecast.emulator();
        InMemoryDirectory directory = emulator.directory();
        String group = directory.createGroup("Staff").id();
        directory.addMembers(group, 30);
        int kills = 0;

        // 1. During the group's pages: after the third of eight baseline exchanges.
        start(emulator, group);
        awaitProgress(ChildJvm::isExchange, 3);
        kill();
        kills++;
        directory.addMember(group, "joiner1@example.com", null);
        directory.addMember(group, "joiner2@example.com", null);
        directory.removeMember(group, "user00001@example.com"); // delivered ADDED before the crash
        directory.removeMember(group, "user00030@example.com"); // not delivered yet

        // 2. Before the group's pages: while the first page read is in flight (the emulator holds it 3 s).
        emulator.faults().delay(1, 3000).onlyFor("get-group-members");
        start(emulator, group);
        await().atMost(20, TimeUnit.SECONDS).until(() -> emulator.faults().pending() == 0);
        kill();
        kills++;
        directory.removeMember(group, "user00005@example.com");
        directory.addMember(group, "joiner3@example.com", null);

        // 3. After the group's pages: as soon as the last exchange of the batch was delivered.
        start(emulator, group);
        awaitProgress(ChildJvm::isLastOfBatch, 1);
        kill();
        kills++;
        directory.removeMember(group, "joiner1@example.com");
        directory.addMember(group, "joiner4@example.com", null);
        for (int i = 10; i <= 14; i++) {
            directory.removeMember(group, String.format("user%05d@example.com", i));
        }

        // 4. During the pages again (several exchanges of changes).
        start(emulator, group);
        awaitProgress(ChildJvm::isExchange, 1);
        kill();
        kills++;
        directory.addMember(group, "joiner5@example.com", null);
        directory.removeMember(group, "user00020@example.com");

        // 5. After the poll completed (its state compacted): the next poll has started reading.
        start(emulator, group);
        awaitProgress(ChildJvm::isLastOfBatch, 1);
        int calls = emulator.requests("get-group-members").size();
        await().atMost(20, TimeUnit.SECONDS).until(() -> emulator.requests("get-group-members").size() > calls);
        kill();
        kills++;
        directory.removeMember(group, "joiner5@example.com");

        // Last run, to convergence.
        start(emulator, group);
        secondJvmIsRefused(emulator, group);
        awaitConverged(emulator, group);
        kill();

        ChangeReplay replay = replay();
        assertEquals(new TreeSet<>(directory.memberEmails(group)), new TreeSet<>(replay.view()),
                "the downstream view equals the group: nothing lost, nothing invented");
        // Only what was in flight at a kill comes again, and at most once per kill.
        assertTrue(replay.inFlight().containsAll(replay.repeated()),
                "repeated " + replay.repeated() + ", in flight at the kills " + replay.inFlight());
        assertTrue(replay.repeated().size() <= replay.inFlight().size(), replay.repeated().toString());
    }

    // ---- the child JVM

    private void start(MimecastEmulator emulator, String group) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("BASE_URL", emulator.baseUrl());
        env.put("ACCESS_KEY", emulator.credentials().accessKey());
        env.put("SECRET_KEY", emulator.credentials().secretKey());
        env.put("APP_ID", emulator.credentials().appId());
        env.put("APP_KEY", emulator.credentials().appKey());
        env.put("GROUP", group);
        env.put("PAGE_SIZE", Integer.toString(PAGE_SIZE));
        env.put("STATE_FILE", dir.resolve("members.state").toString());
        env.put("OUT", dir.resolve("changes.jsonl").toString());
        env.put("SLOW_MILLIS", "150");
        child = ChildJvm.start(dir, "child", env);
    }

    private void kill() throws InterruptedException {
        child.kill();
    }

    private void awaitProgress(java.util.function.Predicate<String> line, int count) {
        child.awaitProgress(line, count);
    }

    /**
     * Waits until the delivered changes make the group's membership, then for five more polls' worth of calls (a
     * read is about eight calls at this page size) with nothing more delivered.
     */
    private void awaitConverged(MimecastEmulator emulator, String group) throws IOException {
        Set<String> expected = new TreeSet<>(emulator.directory().memberEmails(group));
        await().atMost(30, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> expected.equals(new TreeSet<>(replay().view())));
        long delivered = Files.size(dir.resolve("changes.jsonl"));
        int calls = emulator.requests("get-group-members").size();
        await().atMost(30, TimeUnit.SECONDS).until(() -> emulator.requests("get-group-members").size() >= calls + 40);
        assertEquals(delivered, Files.size(dir.resolve("changes.jsonl")), "nothing more once converged");
    }

    private void secondJvmIsRefused(MimecastEmulator emulator, String group) throws Exception {
        awaitProgress("started"::equals, 1);
        CamelContext other = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        component.getConfiguration().setAccessKey(emulator.credentials().accessKey());
        component.getConfiguration().setSecretKey(emulator.credentials().secretKey());
        component.getConfiguration().setAppId(emulator.credentials().appId());
        component.getConfiguration().setAppKey(emulator.credentials().appKey());
        other.addComponent("mimecast-directory", component);
        other.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?mode=changes&stateFile=" + dir.resolve("members.state")
                     + "&groupId=" + group).to("log:never");
            }
        });
        Exception refused = assertThrows(Exception.class, other::start);
        other.stop();
        List<String> messages = new ArrayList<>();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("in use by another process")), messages.toString());
    }

    private ChangeReplay replay() throws IOException {
        return ChangeReplay.of(dir.resolve("changes.jsonl"));
    }
}
