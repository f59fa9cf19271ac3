package org.apache.camel.example.mimecast;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.MimecastConnection;
import org.apache.camel.main.Main;

/**
 * Runs the members-to-file routes with Camel Main.
 * <p>
 * With no {@code MIMECAST_ACCESS_KEY} in the environment it starts the embedded emulator with a demo group whose
 * membership changes every two seconds, runs for {@code MEMBERS_DURATION_SECONDS} (default 12) and stops. With
 * {@code MIMECAST_ACCESS_KEY}, {@code MIMECAST_SECRET_KEY}, {@code MIMECAST_APP_ID}, {@code MIMECAST_APP_KEY},
 * {@code MIMECAST_REGION} (or {@code MIMECAST_BASE_URL}) and {@code MIMECAST_GROUP_ID} it watches that real group
 * every five minutes until stopped.
 */
public final class MembersToFileApplication {

    private MembersToFileApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv());
    }

    /** Runs the example with these environment variables (the test's entry point). */
    static void run(Map<String, String> env) throws Exception {
        String output = env.getOrDefault("MEMBERS_OUTPUT", "target/members-output");

        Main main = new Main();
        ScheduledExecutorService churn = null;
        try (MimecastConnection mimecast = MimecastConnection.fromEnvironment(env)) {
            mimecast.configure(main, "MEMBERS_DURATION_SECONDS", 12);
            String groupId = mimecast.groupIds(emulator -> {
                String demo = emulator.directory().createGroup("Demo Group").id();
                emulator.directory().addMembers(demo, 30);
                return demo;
            });
            if (mimecast.isEmulated()) {
                churn = simulateHrChanges(mimecast.emulator(), groupId);
            }
            main.configure().addRoutesBuilder(new MembersToFileRoutes(groupId, output,
                    output + "/.state/members.state", mimecast.pollDelayMillis(2000)));
            main.run();
        } finally {
            if (churn != null) {
                churn.shutdownNow();
            }
        }
        System.out.println("Output in " + java.nio.file.Path.of(output).toAbsolutePath());
    }

    /** Every two seconds one person joins the demo group and one leaves, as an HR feed would. */
    private static ScheduledExecutorService simulateHrChanges(MimecastEmulator emulator, String groupId) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger hires = new AtomicInteger();
        executor.scheduleAtFixedRate(() -> {
            int n = hires.incrementAndGet();
            emulator.directory().addMember(groupId, "new.hire" + n + "@example.com", null);
            emulator.directory().removeMember(groupId, String.format("user%05d@example.com", n));
        }, 3, 2, TimeUnit.SECONDS);
        return executor;
    }
}
