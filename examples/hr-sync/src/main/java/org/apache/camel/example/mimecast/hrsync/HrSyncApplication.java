package org.apache.camel.example.mimecast.hrsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.main.Main;

/**
 * Camel Main: reconciles the HR exports dropped into the inbox (application.properties: {@code HR_DRY_RUN},
 * {@code HR_MAX_REMOVALS}). Without any {@code MIMECAST_*} variable it is the demo: the embedded emulator with a Sales
 * group and a sample export in the demo's own inbox, for 8 seconds. With them, the profile {@code mimecast} runs
 * against real Mimecast on the inbox {@code HR_INBOX} until stopped (see application-mimecast.properties).
 */
public final class HrSyncApplication {

    /** The inbox of real exports: the demo would overwrite and consume them. */
    static final List<String> REAL_SYSTEMS = List.of("HR_INBOX");

    private HrSyncApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(new Main(), target(System.getenv()), args);
    }

    /** The demo or real Mimecast, as the environment says (DemoMimecast's rule). */
    static Target target(Map<String, String> env) {
        return DemoMimecast.target(env, List.of(), REAL_SYSTEMS);
    }

    /** Runs the example with main, which the caller may give properties first (the test's entry point). */
    static void run(Main main, Target target, String... args) throws Exception {
        main.configure().addRoutesBuilder(HrSyncRoutes.class);
        try (AutoCloseable mimecast = DemoMimecast.configure(main, target, HrSyncApplication::seedDemo)) {
            main.run(args);
        }
    }

    private static Map<String, String> seedDemo(DemoMimecast demo) throws Exception {
        String sales = demo.directory().createGroup("Sales").id();
        demo.directory().addMember(sales, "alice@example.com", null);
        demo.directory().addMember(sales, "bob@example.com", null);
        Path inbox = Files.createDirectories(Path.of(demo.setting("hr.inbox")));
        Files.writeString(inbox.resolve("hr-export.csv"), "email,department\nbob@example.com,Sales\n"
                                                          + "carol@example.com,Sales\ndave@example.com,Engineering\n");
        return Map.of();
    }
}
