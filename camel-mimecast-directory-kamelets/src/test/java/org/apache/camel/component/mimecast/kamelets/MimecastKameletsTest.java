package org.apache.camel.component.mimecast.kamelets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.emulator.EmulatorCredentials;
import org.apache.camel.component.mimecast.emulator.ForwardProxy;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads the Kamelets from the classpath, as Camel does for {@code kamelet:} endpoints, and runs them against the
 * emulator. The secret key holds {@code + / =}, which must reach the signer unchanged through the Kamelet's
 * parameters.
 */
class MimecastKameletsTest {

    private static final String SECRET_KEY = "c2VjcmV0K2tleS9mb3Ita2FtZWxldHM+Pz8/Pw==";

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension(MimecastEmulator.builder().credentials(
            new EmulatorCredentials("kamelet-access-key", SECRET_KEY, "kamelet-app-id", "kamelet-app-key")));

    private final ObjectMapper json = new ObjectMapper();
    private CamelContext context;
    private InMemoryDirectory directory;

    @BeforeEach
    void createContext() {
        directory = mimecast.emulator().directory();
        context = new DefaultCamelContext();
        useKameletParameters(mimecast.emulator().componentOptions());
    }

    /**
     * Gives both Kamelets these parameters as Kamelet properties (camel.kamelet.&lt;name&gt;.&lt;parameter&gt;), so
     * that credentials are never in a route's URI; replaces those given before. Call before the context starts.
     */
    private void useKameletParameters(Map<String, String> parameters) {
        Properties properties = new Properties();
        for (String kamelet : List.of("mimecast-directory-members-source", "mimecast-directory-group-member-sink")) {
            parameters.forEach((name, value) -> properties.setProperty("camel.kamelet." + kamelet + "." + name, value));
        }
        context.getPropertiesComponent().setInitialProperties(properties);
    }

    @AfterEach
    void stopContext() throws Exception {
        context.close();
    }

    @Test
    void sourceEmitsOneJsonMessagePerMemberChange() throws Exception {
        String staff = directory.createGroup("Staff").id();
        directory.addMembers(staff, 3);
        List<Message> received = startCollecting("kamelet:mimecast-directory-members-source?groupId=" + staff
                                                 + "&delay=200");

        awaitSize(received, 3);
        for (Message message : received) {
            JsonNode change = readTree(message.getBody(String.class));
            assertEquals("ADDED", change.get("changeType").asText(), "changes is the default mode");
            assertEquals(staff, change.get("groupId").asText());
            assertEquals(staff, message.getHeader(MimecastDirectoryConstants.GROUP_ID));
            assertEquals("application/json", message.getHeader("Content-Type"));
        }

        directory.addMember(staff, "new.hire@example.com", null);
        directory.removeMember(staff, "user00002@example.com");
        awaitSize(received, 5);
        Thread.sleep(600); // further polls: no change, no message
        assertEquals(5, received.size());
        assertEquals(List.of("ADDED new.hire@example.com", "REMOVED user00002@example.com"),
                received.subList(3, 5).stream().map(this::describeChange).toList());
    }

    @Test
    void sourceInSnapshotModeEmitsPagesAsJsonArrays() throws Exception {
        String staff = directory.createGroup("Staff").id();
        directory.addMembers(staff, 25);
        List<Message> received = startCollecting("kamelet:mimecast-directory-members-source?groupId=" + staff
                                                 + "&mode=snapshot&splitMembers=false&pageSize=10");

        awaitSize(received, 3);
        List<Integer> pageSizes = received.stream().map(m -> readTree(m.getBody(String.class)).size()).toList();
        assertEquals(List.of(10, 10, 5), pageSizes, received.get(0).getBody(String.class));
        assertEquals("user00001@example.com", readTree(received.get(0).getBody(String.class)).get(0)
                .get("emailAddress").asText());
    }

    @Test
    void sinkInAYamlRouteAddsAndRemovesMembers() throws Exception {
        String sales = directory.createGroup("Sales").id();
        directory.addMember(sales, "leaver@example.com", null);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("hr-events.yaml", """
                - route:
                    from:
                      uri: direct:hires
                      steps:
                        - to: "kamelet:mimecast-directory-group-member-sink?groupId=%1$s"
                - route:
                    from:
                      uri: direct:leavers
                      steps:
                        - to: "kamelet:mimecast-directory-group-member-sink?groupId=%1$s&action=remove"
                """.formatted(sales)));
        context.start();
        ProducerTemplate template = context.createProducerTemplate();

        template.sendBody("direct:hires", "alice@example.com");
        template.sendBody("direct:hires", "{\"emailAddress\":\"bob@example.com\",\"notes\":\"hired today\"}");
        template.sendBody("direct:hires", "[\"carol@example.com\",{\"emailAddress\":\"dave@example.com\"}]".getBytes());
        template.sendBody("direct:leavers", "leaver@example.com");

        assertEquals(Set.of("alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com"),
                directory.members(sales).stream().map(InMemoryDirectory.StoredMember::emailAddress)
                        .collect(Collectors.toSet()));
        assertEquals("hired today", directory.members(sales).stream()
                .filter(m -> "bob@example.com".equals(m.emailAddress())).findFirst().orElseThrow().notes());
    }

    @Test
    void sinkFailsNamingTheMemberMimecastRejected() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hires").to("kamelet:mimecast-directory-group-member-sink?groupId=no-such-group");
            }
        });
        context.start();

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> context.createProducerTemplate().sendBody("direct:hires", "alice@example.com"));
        MimecastApiException cause = assertInstanceOf(MimecastApiException.class, e.getCause());
        assertTrue(cause.getMessage().contains("alice@example.com"), cause.getMessage());
    }

    @Test
    void missingRequiredParameterIsNamedWhenTheRouteIsCreated() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:mimecast-directory-members-source").log("${body}");
            }
        });
        Exception e = assertThrows(RuntimeCamelException.class, context::start);
        assertEquals("Route template mimecast-directory-members-source the following mandatory parameters must be"
                     + " provided: groupId", rootMessage(e));
    }

    @Test
    void apiTwoCredentialsServeTheSourceAndTheSink() throws Exception {
        useKameletParameters(mimecast.emulator().oauth2ComponentOptions());
        String staff = directory.createGroup("Staff").id();
        directory.addMembers(staff, 3);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hires").to("kamelet:mimecast-directory-group-member-sink?groupId=" + staff);
            }
        });
        List<Message> received = startCollecting("kamelet:mimecast-directory-members-source?groupId=" + staff
                                                 + "&delay=200");

        awaitSize(received, 3);
        context.createProducerTemplate().sendBody("direct:hires", "api2.hire@example.com");
        awaitSize(received, 4);

        assertEquals("ADDED api2.hire@example.com", describeChange(received.get(3)));
        assertEquals(1, mimecast.emulator().tokensIssued(), "one token, shared by the source and the sink");
        List<String> authorizations = mimecast.emulator().requests().stream()
                .filter(r -> r.path().startsWith("/api/directory/")).map(r -> r.header("Authorization")).toList();
        assertFalse(authorizations.isEmpty());
        assertTrue(authorizations.stream().allMatch(a -> a.startsWith("Bearer ")), authorizations.toString());
    }

    @Test
    void apiTwoSecretStaysOutOfEndpointDescriptions() throws Exception {
        useKameletParameters(mimecast.emulator().oauth2ComponentOptions());
        String staff = directory.createGroup("Staff").id();
        startCollecting("kamelet:mimecast-directory-members-source?groupId=" + staff);
        for (Endpoint endpoint : context.getEndpoints()) {
            assertFalse(endpoint.toString().contains(mimecast.emulator().clientSecret()), endpoint.toString());
        }
    }

    @Test
    void apiOneWithoutKeysFailsToStartNamingTheMissingKey() throws Exception {
        useKameletParameters(Map.of("baseUrl", mimecast.emulator().baseUrl()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hires").to("kamelet:mimecast-directory-group-member-sink?groupId=any");
            }
        });
        // The route does not start: the endpoint checks its credentials before any call.
        Exception e = assertThrows(Exception.class, context::start);
        assertTrue(rootMessage(e).contains("needs accessKey"), rootMessage(e));
        assertTrue(mimecast.emulator().requests().isEmpty(), "no HTTP call without credentials");
    }

    @Test
    void apiTwoWithoutClientSecretFailsToStartNamingIt() throws Exception {
        useKameletParameters(Map.of("baseUrl", mimecast.emulator().baseUrl(), "authMode", "oauth2",
                "clientId", mimecast.emulator().clientId()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hires").to("kamelet:mimecast-directory-group-member-sink?groupId=any");
            }
        });
        // The route does not start: the endpoint checks its credentials before any call.
        Exception e = assertThrows(Exception.class, context::start);
        assertTrue(rootMessage(e).contains("needs clientSecret"), rootMessage(e));
        assertTrue(mimecast.emulator().requests().isEmpty(), "no HTTP call without credentials");
    }

    @Test
    void secretsStayOutOfEndpointDescriptions() throws Exception {
        String staff = directory.createGroup("Staff").id();
        startCollecting("kamelet:mimecast-directory-members-source?groupId=" + staff);
        for (Endpoint endpoint : context.getEndpoints()) {
            assertFalse(endpoint.toString().contains(SECRET_KEY), endpoint.toString());
            assertFalse(endpoint.toString().contains("kamelet-app-key"), endpoint.toString());
        }
    }

    @Test
    void bothKameletsGoThroughAProxyWithCredentialsThatStayOutOfEndpointDescriptions() throws Exception {
        String staff = directory.createGroup("Staff").id();
        try (ForwardProxy proxy = ForwardProxy.builder().credentials("proxy-user", "kamelet-proxy-pa55").build()
                .start()) {
            Map<String, String> parameters = new HashMap<>(mimecast.emulator().componentOptions());
            parameters.put("proxyHost", proxy.host());
            parameters.put("proxyPort", String.valueOf(proxy.port()));
            parameters.put("proxyAuthUsername", "proxy-user");
            parameters.put("proxyAuthPassword", "kamelet-proxy-pa55");
            useKameletParameters(parameters);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:hires").to("kamelet:mimecast-directory-group-member-sink?groupId=" + staff);
                }
            });
            List<Message> received = startCollecting("kamelet:mimecast-directory-members-source?groupId=" + staff
                                                     + "&delay=200");

            context.createProducerTemplate().sendBody("direct:hires", "alice@example.com");
            awaitSize(received, 1);

            assertEquals("alice@example.com", readTree(received.get(0).getBody(String.class))
                    .at("/member/emailAddress").asText());
            assertTrue(proxy.forwarded() >= 2, "the sink and the source went through the proxy: "
                                               + proxy.requestLines());
            for (Endpoint endpoint : context.getEndpoints()) {
                assertFalse(endpoint.toString().contains("kamelet-proxy-pa55"), endpoint.toString());
            }
        }
    }

    /** Starts the context with a route from {@code uri} that collects what it receives. */
    private List<Message> startCollecting(String uri) throws Exception {
        List<Message> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> received.add(received(e.getMessage())));
            }
        });
        context.start();
        return received;
    }

    /** A copy whose body is read once into a String (the marshalled body may be a one-shot stream). */
    private static Message received(Message message) {
        Message copy = message.copy();
        copy.setBody(message.getBody(String.class));
        return copy;
    }

    private String describeChange(Message message) {
        JsonNode change = readTree(message.getBody(String.class));
        String identity = change.at("/member/emailAddress").asText();
        return change.get("changeType").asText() + " " + identity;
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (list.size() < size) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Got " + list.size() + " of " + size + " messages");
            }
            Thread.sleep(20);
        }
    }
}
