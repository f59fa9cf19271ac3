package org.apache.camel.example.mimecast.hrsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void dryRunIsTheDefaultAndOnlyReportsThePlan() throws Exception {
        assertEquals("true", dryRunIn(Map.of()), "dry run unless HR_DRY_RUN=false");
        assertEquals("false", dryRunIn(Map.of("HR_DRY_RUN", "false")));
        String sales = seedSales();

        String plan = run("dry", true, 100);

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
        assertEquals(0, writeRequests());
    }

    @Test
    void reconcilesGroupsAndIsIdempotent() throws Exception {
        String sales = seedSales();
        directory().createGroup("Sales EMEA"); // find-groups matches it too: only the exact name counts

        String first = run("first", false, 100);
        assertEquals("""
                Applied:
                create group Engineering
                + Engineering dave@example.com
                + Engineering erin@example.com
                + Sales carol@example.com
                - Sales alice@example.com
                """, first);
        assertEquals(List.of("bob@example.com", "carol@example.com"), directory().memberEmails(sales));
        String engineering = directory().groups().stream().filter(g -> g.description().equals("Engineering"))
                .findFirst().orElseThrow().id();
        assertEquals(List.of("dave@example.com", "erin@example.com"), directory().memberEmails(engineering));
        // create Engineering; Engineering: 1 add request; Sales: 1 add and 1 remove request.
        assertEquals(4, writeRequests());

        String second = run("second", false, 100);
        assertEquals("Applied:\nNothing to change: Mimecast matches the HR file\n", second);
        assertEquals(4, writeRequests(), "the second run sent no write");
        assertEquals(3, directory().groups().size());
    }

    @Test
    void aMemberMimecastRefusesIsReportedAndTheRestApplied() throws Exception {
        String sales = seedSales();
        directory().protectAddress("alice@example.com");

        String report = run("protected", false, 100);

        assertTrue(report.contains("+ Sales carol@example.com\n"), report);
        assertTrue(report.contains("! Sales - alice@example.com (err_xdk_operation_forbidden_for_address)\n"), report);
        assertEquals(List.of("alice@example.com", "bob@example.com", "carol@example.com"),
                directory().memberEmails(sales));
    }

    @Test
    void moreRemovalsThanAllowedFailTheFileAndWriteNothing() throws Exception {
        String sales = seedSales();
        directory().addMember(sales, "frank@example.com", null);
        startAndDrop("truncated", false, 1, "email,department\nbob@example.com,Sales\n");

        Path failed = inbox.resolve(".failed").resolve("truncated.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(failed));
        stop();
        assertEquals(0, writeRequests());
        assertEquals(List.of("alice@example.com", "bob@example.com", "frank@example.com"),
                directory().memberEmails(sales));
        assertFalse(Files.exists(inbox.resolve(".plans").resolve("truncated.plan.txt")));
    }

    private String seedSales() {
        String sales = directory().createGroup("Sales").id();
        directory().addMember(sales, "alice@example.com", null);
        directory().addMember(sales, "bob@example.com", null);
        return sales;
    }

    private CamelContext context;

    /** Drops the export into the inbox, runs the route until it has written its plan, returns the plan. */
    private String run(String name, boolean dryRun, int maxRemovals) throws Exception {
        startAndDrop(name, dryRun, maxRemovals, EXPORT);
        Path plan = inbox.resolve(".plans").resolve(name + ".plan.txt");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(plan) && Files.size(plan) > 0);
        } finally {
            stop();
        }
        return Files.readString(plan);
    }

    private void startAndDrop(String name, boolean dryRun, int maxRemovals, String export) throws Exception {
        MimecastEmulator emulator = mimecast.emulator();
        context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        // The emulator's options, bound the way camel.component.mimecast-directory.* properties are.
        PropertyBindingSupport.bindProperties(context, component.getConfiguration(),
                new HashMap<String, Object>(emulator.componentOptions()));
        context.addComponent("mimecast-directory", component);
        Properties settings = new Properties();
        settings.setProperty("hr.inbox", inbox.toString());
        settings.setProperty("hr.dry-run", String.valueOf(dryRun));
        settings.setProperty("hr.max-removals", String.valueOf(maxRemovals));
        context.getPropertiesComponent().setOverrideProperties(settings);
        context.addRoutes(new HrSyncRoutes());
        Files.writeString(inbox.resolve(name + ".csv"), export);
        context.start();
    }

    /** What application.properties makes of hr.dry-run with these environment variables. */
    private static String dryRunIn(Map<String, String> environment) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PropertiesComponent properties = context.getPropertiesComponent();
            properties.addLocation("classpath:application.properties");
            // {{env:NAME:default}} reads this map instead of the process environment
            properties.addPropertiesFunction(new PropertiesFunction() {
                @Override
                public String getName() {
                    return "env";
                }

                @Override
                public String apply(String remainder) {
                    return environment.getOrDefault(StringHelper.before(remainder, ":", remainder),
                            StringHelper.after(remainder, ":"));
                }
            });
            return properties.resolveProperty("hr.dry-run").orElseThrow();
        }
    }

    private void stop() {
        context.stop();
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
