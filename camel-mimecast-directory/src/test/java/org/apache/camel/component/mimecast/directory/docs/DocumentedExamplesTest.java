package org.apache.camel.component.mimecast.directory.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Connection;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.ItemResult;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChangeResult;
import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;
import org.apache.camel.component.mimecast.directory.model.SyncResult;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of the reference page's "Operations, with examples" section, run against the emulator: the YAML
 * routes as the page shows them, and the Java routes below, which the page must quote word for word.
 */
class DocumentedExamplesTest {

    private static final Path PAGE = Path.of("src/main/docs/mimecast-directory-component.adoc");
    private static final Path THIS_SOURCE
            = Path.of("src/test/java/org/apache/camel/component/mimecast/directory/docs/DocumentedExamplesTest.java");
    private static final Pattern BLOCK
            = Pattern.compile("\\[source,(java|yaml)]\\n----\\n(.*?)\\n----", Pattern.DOTALL);

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    /** The page's Java examples, verbatim (the page is checked against this text). */
    static class JavaExamples extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:find-sales-groups")
                .to("mimecast-directory:find-groups?query=Sales&paginate=true");

            from("direct:group-members")
                .to("mimecast-directory:get-group-members?paginate=true&pageSize=500");

            from("direct:create-team")
                .to("mimecast-directory:create-group?parentId={{sales.group.id}}");

            from("direct:rename-group")
                .to("mimecast-directory:update-group");

            from("direct:delete-group")
                .to("mimecast-directory:delete-group");

            from("direct:add-members")
                .to("mimecast-directory:add-group-member?groupId={{sales.group.id}}");

            from("direct:remove-members")
                .to("mimecast-directory:remove-group-member?groupId={{sales.group.id}}&throwOnItemFailure=false")
                .log("Rejected: ${header.CamelMimecastDirectoryItemFailures}");

            from("timer:directory-status?period=3600000")
                .to("mimecast-directory:get-connection")
                .to("direct:report-status");

            from("direct:hr-import-finished")
                .to("mimecast-directory:execute-sync");

            from("direct:sync-sales")
                .to("mimecast-directory:set-group-members?groupId={{sales.group.id}}&maxRemovals=50")
                .log("Sales +${header.CamelMimecastDirectoryAddedCount} -${header.CamelMimecastDirectoryRemovedCount}");
        }
    }

    @Test
    void everyOperationHasAJavaAndAYamlExampleAndTheJavaOnesAreTheOnesTested() throws Exception {
        List<String> java = examples("java");
        List<String> yaml = examples("yaml");
        assertEquals(10, java.size(), "one Java example per operation");
        assertEquals(10, yaml.size(), "one YAML example per operation");
        for (String operation : List.of("find-groups", "get-group-members", "create-group", "update-group",
                "delete-group", "add-group-member", "remove-group-member", "get-connection", "execute-sync",
                "set-group-members")) {
            assertTrue(java.stream().anyMatch(e -> e.contains("mimecast-directory:" + operation)), operation);
            assertTrue(yaml.stream().anyMatch(e -> e.contains("mimecast-directory:" + operation)), operation);
        }
        String tested = words(Files.readString(THIS_SOURCE));
        for (String example : java) {
            assertTrue(tested.contains(words(example)), "The page shows a Java route no test runs:\n" + example);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void theExamplesWorkAsThePageSays(String dsl) throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        String sales = directory.createGroup("Sales").id();
        directory.createGroup("Sales EMEA");
        directory.createGroup("Support");
        directory.addMembers(sales, 30);

        BlockingQueue<Exchange> statusReports = new LinkedBlockingQueue<>();
        try (CamelContext context = context(sales)) {
            if (dsl.equals("java")) {
                context.addRoutes(new JavaExamples());
            } else {
                PluginHelper.getRoutesLoader(context).loadRoutes(
                        ResourceHelper.fromString("examples.yaml", String.join("\n", examples("yaml"))));
            }
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:report-status").process(statusReports::add);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            List<Group> found = template.requestBody("direct:find-sales-groups", null, List.class);
            assertEquals(List.of("Sales", "Sales EMEA"), found.stream().map(Group::description).toList());

            List<Member> members = template.requestBodyAndHeader("direct:group-members", null,
                    MimecastDirectoryConstants.GROUP_ID, sales, List.class);
            assertEquals(30, members.size());

            Group team = template.requestBody("direct:create-team", "Sales Nordics", Group.class);
            assertEquals(sales, team.parentId());
            assertEquals("Sales Nordics", directory.group(team.id()).orElseThrow().description());

            template.requestBody("direct:rename-group",
                    "{\"id\":\"" + team.id() + "\",\"description\":\"Sales North\"}");
            assertEquals("Sales North", directory.group(team.id()).orElseThrow().description());

            template.requestBody("direct:delete-group", team.id());
            assertFalse(directory.group(team.id()).isPresent());

            List<MemberChangeResult> added = template.requestBody("direct:add-members",
                    List.of("alice@example.com", "bob@example.com"), List.class);
            assertEquals(List.of("alice@example.com", "bob@example.com"),
                    added.stream().map(MemberChangeResult::emailAddress).toList());
            assertTrue(directory.memberEmails(sales).contains("bob@example.com"));

            Exchange removed = template.request("direct:remove-members",
                    e -> e.getMessage().setBody(List.of("alice@example.com", "nobody@example.com")));
            List<ItemResult<?>> results = removed.getMessage().getBody(List.class);
            assertEquals(List.of(true, false), results.stream().map(ItemResult::isSuccess).toList());
            assertEquals(1, removed.getMessage()
                    .getHeader(MimecastDirectoryConstants.ITEM_FAILURES, List.class).size());
            assertFalse(directory.memberEmails(sales).contains("alice@example.com"));

            Exchange synced = template.request("direct:sync-sales",
                    e -> e.getMessage().setBody(List.of("bob@example.com", "carol@example.com")));
            SetGroupMembersResult result = synced.getMessage().getBody(SetGroupMembersResult.class);
            assertEquals(List.of("carol@example.com"), result.added());
            assertEquals(30, synced.getMessage().getHeader(MimecastDirectoryConstants.REMOVED_COUNT));
            assertEquals(List.of("bob@example.com", "carol@example.com"), directory.memberEmails(sales));

            Exchange report = statusReports.poll(10, TimeUnit.SECONDS);
            assertNotNull(report, "the timer route reports the connection");
            assertEquals("ok", report.getMessage().getBody(Connection.class).status());

            SyncResult sync = template.requestBody("direct:hr-import-finished", null, SyncResult.class);
            assertEquals("started", sync.syncStatus());
            assertTrue(directory.connection().syncRunning());
        }
    }

    private static CamelContext context(String salesGroupId) {
        CamelContext context = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        PropertyBindingSupport.bindProperties(context, component.getConfiguration(),
                new java.util.HashMap<String, Object>(mimecast.emulator().componentOptions()));
        context.addComponent("mimecast-directory", component);
        Properties properties = new Properties();
        properties.setProperty("sales.group.id", salesGroupId);
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    /** The code blocks of one language in the page's operations section. */
    private static List<String> examples(String language) throws Exception {
        String page = Files.readString(PAGE);
        int start = page.indexOf("== Operations, with examples");
        int end = page.indexOf("\n== ", start + 1);
        Matcher matcher = BLOCK.matcher(page.substring(start, end));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals(language)) {
                blocks.add(matcher.group(2));
            }
        }
        return blocks;
    }

    private static String words(String code) {
        return Pattern.compile("\\s+").splitAsStream(code).filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
    }
}
