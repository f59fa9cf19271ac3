package org.apache.camel.example.mimecast.hrsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HrSyncRoutesTest {

    private static final String EXPORT = "email,department\n"
                                         + "bob@example.com,Sales\ncarol@example.com,Sales\n"
                                         + "dave@example.com,Engineering\nerin@example.com,Engineering\n";

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    @TempDir
    Path inbox;

    @Test
    void dryRunOnlyReportsThePlan() throws Exception {
        String sales = seedSales();

        String plan = run("dry", true);

        assertEquals("""
                DRY RUN, nothing applied. Plan:
                create group Engineering
                + Engineering dave@example.com
                + Engineering erin@example.com
                + Sales carol@example.com
                - Sales alice@example.com
                """, plan);
        assertEquals(List.of("alice@example.com", "bob@example.com"), directory().memberEmails(sales));
        assertEquals(1, directory().groups().size(), "no group created");
        assertTrue(directory().appliedChanges().isEmpty());
    }

    @Test
    void reconcilesGroupsAndIsIdempotent() throws Exception {
        String sales = seedSales();

        String first = run("first", false);
        assertTrue(first.startsWith("Applied:\ncreate group Engineering"), first);
        assertEquals(List.of("bob@example.com", "carol@example.com"), directory().memberEmails(sales));
        String engineering = directory().groups().stream().filter(g -> g.description().equals("Engineering"))
                .findFirst().orElseThrow().id();
        assertEquals(List.of("dave@example.com", "erin@example.com"), directory().memberEmails(engineering));
        int writes = writeRequests();

        String second = run("second", false);
        assertEquals("Applied:\nNothing to change: Mimecast matches the HR file\n", second);
        assertEquals(writes, writeRequests(), "the second run sent no write");
        assertEquals(2, directory().groups().size());
    }

    private String seedSales() {
        String sales = directory().createGroup("Sales").id();
        directory().addMember(sales, "alice@example.com", null);
        directory().addMember(sales, "bob@example.com", null);
        return sales;
    }

    /** Drops the export into the inbox, runs the route until it has written its plan, returns the plan. */
    private String run(String name, boolean dryRun) throws Exception {
        MimecastEmulator emulator = mimecast.emulator();
        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        // The emulator's options, bound the way camel.component.mimecast-directory.* properties are.
        PropertyBindingSupport.bindProperties(context, component.getConfiguration(),
                new HashMap<String, Object>(emulator.componentOptions()));
        context.addComponent("mimecast-directory", component);
        context.addRoutes(new HrSyncRoutes(inbox.toString(), dryRun));
        Files.writeString(inbox.resolve(name + ".csv"), EXPORT);
        Path plan = inbox.resolve(".plans").resolve(name + ".plan.txt");
        context.start();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(plan) || Files.size(plan) == 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no plan written");
                }
                Thread.sleep(50);
            }
        } finally {
            context.stop();
        }
        return Files.readString(plan);
    }

    private InMemoryDirectory directory() {
        return mimecast.emulator().directory();
    }

    private int writeRequests() {
        MimecastEmulator emulator = mimecast.emulator();
        return emulator.requests("create-group").size() + emulator.requests("add-group-member").size()
               + emulator.requests("remove-group-member").size();
    }
}
