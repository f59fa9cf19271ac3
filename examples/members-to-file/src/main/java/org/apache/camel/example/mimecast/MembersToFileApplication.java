package org.apache.camel.example.mimecast;

import java.util.List;
import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.Main;

/**
 * Runs the members-to-file routes with Camel Main; application.properties configures them.
 * <p>
 * Without any {@code MIMECAST_*} variable it is the demo: the embedded emulator with a group whose membership changes
 * every two seconds, for 12 seconds. With them, the profile {@code mimecast} watches the real group
 * {@code MIMECAST_GROUP_ID} every five minutes until stopped (see application-mimecast.properties).
 */
public final class MembersToFileApplication {

    /** What a real run needs besides the connection. */
    static final List<String> REAL_RUN_NEEDS = List.of("MIMECAST_GROUP_ID");
    /** Camel reads MEMBERS_STATE_FILE for members.state-file: the demo would use a real run's state. */
    static final List<String> REAL_SYSTEMS = List.of("MEMBERS_STATE_FILE");
    /** Where a real run keeps its state in the output folder (application-mimecast.properties). */
    static final String REAL_STATE_FOLDER = ".state";

    private MembersToFileApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(new Main(), target(System.getenv()), args);
    }

    /** The demo or real Mimecast, as the environment says (DemoMimecast's rule). */
    static Target target(Map<String, String> env) {
        return DemoMimecast.target(env, REAL_RUN_NEEDS, REAL_SYSTEMS);
    }

    /** Runs the example with main, which the caller may give properties first (the test's entry point). */
    static void run(Main main, Target target, String... args) throws Exception {
        main.configure().addRoutesBuilder(MembersToFileRoutes.class);
        try (AutoCloseable mimecast = DemoMimecast.configure(main, target, MembersToFileApplication::seedDemo)) {
            main.run(args);
        }
    }

    private static Map<String, String> seedDemo(DemoMimecast demo) {
        // The demo's change files in a real run's output folder would read as real changes.
        demo.folderOfNoRealRun("members.output", REAL_STATE_FOLDER);
        String group = demo.directory().createGroup("Demo Group").id();
        demo.directory().addMembers(group, 30);
        // Every two seconds one person joins the demo group and one leaves.
        demo.simulateHrChanges(group, 3, 2);
        demo.dropStateFile("members.state-file");
        return Map.of("demo.group-id", group);
    }
}
