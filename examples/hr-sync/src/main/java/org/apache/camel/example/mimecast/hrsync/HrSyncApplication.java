package org.apache.camel.example.mimecast.hrsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.example.mimecast.support.MimecastConnection;
import org.apache.camel.main.Main;

/**
 * Camel Main: reconcile the HR exports in {@code HR_INBOX} (default target/hr-inbox). A dry run by default: the plan
 * is reported and nothing is written to Mimecast; {@code HR_DRY_RUN=false} applies it. {@code HR_MAX_REMOVALS}
 * (default 100) is the most members one group may lose in a run. Without {@code MIMECAST_ACCESS_KEY} it runs
 * against the embedded emulator, seeded with a Sales group and a sample export, for {@code HR_DURATION_SECONDS}
 * (default 8).
 */
public final class HrSyncApplication {

    private HrSyncApplication() {
    }

    /** Dry run unless HR_DRY_RUN=false: a wrong export must not change groups on the first try. */
    static boolean isDryRun(Map<String, String> env) {
        return !"false".equalsIgnoreCase(env.getOrDefault("HR_DRY_RUN", "true").trim());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String inbox = env.getOrDefault("HR_INBOX", "target/hr-inbox");
        boolean dryRun = isDryRun(env);
        int maxRemovals = Integer.parseInt(env.getOrDefault("HR_MAX_REMOVALS", "100").trim());
        Main main = new Main();
        try (MimecastConnection mimecast = MimecastConnection.fromEnvironment(env)) {
            mimecast.configure(main, "HR_DURATION_SECONDS", 8);
            if (mimecast.isEmulated()) {
                MimecastEmulator emulator = mimecast.emulator();
                String sales = emulator.directory().createGroup("Sales").id();
                emulator.directory().addMember(sales, "alice@example.com", null);
                emulator.directory().addMember(sales, "bob@example.com", null);
                Files.createDirectories(Path.of(inbox));
                Files.writeString(Path.of(inbox, "hr-export.csv"), "email,department\nbob@example.com,Sales\n"
                                                                   + "carol@example.com,Sales\ndave@example.com,Engineering\n");
            }
            main.configure().addRoutesBuilder(new HrSyncRoutes(inbox, dryRun, maxRemovals));
            main.run();
        }
    }
}
