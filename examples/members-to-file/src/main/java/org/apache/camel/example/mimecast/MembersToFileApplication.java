package org.apache.camel.example.mimecast;

import java.util.Map;

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
        try (MimecastConnection mimecast = MimecastConnection.fromEnvironment(env)) {
            mimecast.configure(main, "MEMBERS_DURATION_SECONDS", 12);
            String groupId = mimecast.groupIds(emulator -> {
                String demo = emulator.directory().createGroup("Demo Group").id();
                emulator.directory().addMembers(demo, 30);
                return demo;
            });
            if (mimecast.isEmulated()) {
                // Every two seconds one person joins the demo group and one leaves.
                mimecast.simulateHrChanges(groupId, 3, 2);
            }
            main.configure().addRoutesBuilder(new MembersToFileRoutes(groupId, output,
                    mimecast.stateFile(output + "/.state/members.state"), mimecast.pollDelayMillis(2000)));
            main.run();
        }
        System.out.println("Output in " + java.nio.file.Path.of(output).toAbsolutePath());
    }
}
