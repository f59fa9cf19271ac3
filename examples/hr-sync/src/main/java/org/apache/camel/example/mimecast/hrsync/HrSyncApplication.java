package org.apache.camel.example.mimecast.hrsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast;
import org.apache.camel.main.Main;

/**
 * Camel Main: reconciles the HR exports dropped into the inbox (application.properties: {@code HR_INBOX},
 * {@code HR_DRY_RUN}, {@code HR_MAX_REMOVALS}). Without {@code MIMECAST_ACCESS_KEY} it is the demo: the embedded
 * emulator with a Sales group and a sample export in the inbox, for 8 seconds. With it, the profile
 * {@code mimecast} runs against real Mimecast until stopped (see application-mimecast.properties).
 */
public final class HrSyncApplication {

    private HrSyncApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(HrSyncRoutes.class);
        try (AutoCloseable mimecast = DemoMimecast.configure(main, DemoMimecast.wanted(), HrSyncApplication::seedDemo)) {
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
