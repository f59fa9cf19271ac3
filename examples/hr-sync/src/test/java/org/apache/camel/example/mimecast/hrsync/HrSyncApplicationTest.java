package org.apache.camel.example.mimecast.hrsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.example.mimecast.support.DemoMimecast.Target;
import org.apache.camel.example.mimecast.support.ExampleJvm;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example as its command runs it: the demo in its own inbox, and never on an inbox of real exports. */
class HrSyncApplicationTest {

    private static final String REAL_EXPORT = "email,department\nreal.person@corp.example,Finance\n";

    @TempDir
    Path dir;

    @Test
    void theDemoReconcilesItsSampleExportInItsOwnInbox() throws Exception {
        Path inbox = dir.resolve("demo-inbox");
        Main main = new Main();
        main.addOverrideProperty("hr.inbox", inbox.toString());
        main.addOverrideProperty("hr.dry-run", "true");
        main.addOverrideProperty("camel.main.duration-max-seconds", "4");

        HrSyncApplication.run(main, Target.DEMO);

        assertEquals("""
                DRY RUN, nothing applied. Plan:
                create group Engineering
                + Engineering dave@example.com
                + Sales carol@example.com
                - Sales alice@example.com
                """, Files.readString(inbox.resolve(".plans/hr-export.plan.txt")));
        assertTrue(Files.exists(inbox.resolve(".done/hr-export.csv")));
    }

    @Test
    void withHrInboxSetAndNoMimecastVariableNothingRunsAndTheRealExportsStay() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("real-inbox"));
        Files.writeString(inbox.resolve("hr-export.csv"), REAL_EXPORT);
        Files.writeString(inbox.resolve("monday-export.csv"), "email,department\npayroll@corp.example,Payroll\n");

        ExampleJvm.Result run = ExampleJvm.run(HrSyncApplication.class, List.of("MIMECAST_", "HR_"),
                Map.of("HR_INBOX", inbox.toString(), "HR_DURATION_SECONDS", "4"), dir.resolve("hr-sync.log"));

        String output = run.output();
        assertNotEquals(0, run.exitValue(), output);
        assertTrue(output.contains("HR_INBOX is set"), output);
        assertFalse(output.contains("embedded emulator"), output);
        assertEquals(REAL_EXPORT, Files.readString(inbox.resolve("hr-export.csv")));
        assertTrue(Files.exists(inbox.resolve("monday-export.csv")));
        assertFalse(Files.exists(inbox.resolve(".done")));
        assertFalse(Files.exists(inbox.resolve(".plans")));
    }

    @Test
    void realRunsReadTheirInboxFromHrInbox() {
        assertEquals(Target.MIMECAST_API_2, HrSyncApplication.target(Map.of("MIMECAST_CLIENT_ID", "id",
                "MIMECAST_CLIENT_SECRET", "secret", "HR_INBOX", "/srv/hr")), "no group needed");
    }
}
