package org.apache.camel.component.mimecast.directory.springboot;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.emulator.EmulatorCredentials;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application as a user writes it: the starter on the classpath, the connection in
 * {@code camel.component.mimecast-directory.*} properties (here the emulator's, API 1.0 keys with {@code + / =} in
 * the secret), routes with no credentials in their URIs. Camel logs at DEBUG, and no secret may show in the output.
 */
@CamelSpringBootTest
@SpringBootTest(classes = OnboardingApplication.class,
                properties = "logging.level.org.apache.camel=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class MimecastDirectoryStarterTest {

    private static final EmulatorCredentials CREDENTIALS = new EmulatorCredentials(
            "starter-access-key", "c3RhcnRlcitzZWNyZXQva2V5PQ==", "starter-app-id", "starter-app-key");

    @RegisterExtension
    static MimecastEmulatorExtension mimecast
            = new MimecastEmulatorExtension(MimecastEmulator.builder().credentials(CREDENTIALS));

    @DynamicPropertySource
    static void mimecastProperties(DynamicPropertyRegistry registry) {
        // As an application.properties would hold them; the emulator is started before the context (beforeAll).
        mimecast.emulator().componentOptions().forEach((name, value) -> registry
                .add("camel.component.mimecast-directory." + org.apache.camel.util.StringHelper.camelCaseToDash(name),
                        () -> value));
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @EndpointInject("mimecast-directory:find-groups")
    Endpoint findGroups;

    @Test
    void routesCallMimecastWithTheConfiguredCredentials(CapturedOutput output) {
        String sales = mimecast.emulator().directory().createGroup("Sales").id();

        template.sendBodyAndHeader("direct:onboard", "new.hire@example.com",
                MimecastDirectoryConstants.GROUP_ID, sales);

        assertEquals(List.of("new.hire@example.com"), mimecast.emulator().directory().memberEmails(sales));
        @SuppressWarnings("unchecked")
        List<Group> groups = template.requestBody(findGroups, null, List.class);
        assertEquals("Sales", groups.get(0).description());
        assertTrue(mimecast.emulator().requests("add-group-member").get(0).header("Authorization")
                .startsWith("MC starter-access-key:"), "signed with the configured keys");
        assertNoSecretIn(output.getAll());
    }

    @Test
    void theComponentIsTheAutoConfiguredOne() {
        MimecastDirectoryComponent component = camelContext.getComponent("mimecast-directory",
                MimecastDirectoryComponent.class);
        assertEquals(mimecast.emulator().baseUrl(), component.getConfiguration().getBaseUrl());
        assertEquals(CREDENTIALS.secretKey(), component.getConfiguration().getSecretKey());
    }

    @Test
    void secretsStayOutOfEndpointsAndConfiguration() {
        StringBuilder described = new StringBuilder();
        for (Endpoint endpoint : camelContext.getEndpoints()) {
            described.append(endpoint).append(' ').append(endpoint.getEndpointUri()).append('\n');
        }
        MimecastDirectoryComponent component = camelContext.getComponent("mimecast-directory",
                MimecastDirectoryComponent.class);
        described.append(component.getConfiguration()).append('\n');
        assertTrue(described.toString().contains("find-groups"), described.toString());
        assertNoSecretIn(described.toString());
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : List.of(CREDENTIALS.secretKey(), CREDENTIALS.appKey(), CREDENTIALS.accessKey())) {
            assertFalse(text.contains(secret), "a secret in: " + excerpt(text, secret));
        }
    }

    private static String excerpt(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
    }
}
