package org.apache.camel.example.mimecast;

import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.main.Main;

/**
 * Runs the members-to-file routes with Camel Main; application.properties configures them.
 * <p>
 * Without {@code MIMECAST_ACCESS_KEY} in the environment it is the demo: the embedded emulator with a group whose
 * membership changes every two seconds, for 12 seconds. With it, the profile {@code mimecast} watches the real
 * group {@code MIMECAST_GROUP_ID} every five minutes until stopped (see application-mimecast.properties).
 */
public final class MembersToFileApplication {

    private MembersToFileApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(new Main(), DemoMimecast.wanted(), args);
    }

    /** Runs the example with main, which the caller may give properties first (the test's entry point). */
    static void run(Main main, boolean demo, String... args) throws Exception {
        main.configure().addRoutesBuilder(MembersToFileRoutes.class);
        try (AutoCloseable mimecast = DemoMimecast.configure(main, demo, MembersToFileApplication::seedDemo)) {
            main.run(args);
        }
    }

    private static Map<String, String> seedDemo(DemoMimecast demo) {
        String group = demo.directory().createGroup("Demo Group").id();
        demo.directory().addMembers(group, 30);
        // Every two seconds one person joins the demo group and one leaves.
        demo.simulateHrChanges(group, 3, 2);
        demo.dropStateFile("members.state-file");
        return Map.of("demo.group-id", group);
    }
}
