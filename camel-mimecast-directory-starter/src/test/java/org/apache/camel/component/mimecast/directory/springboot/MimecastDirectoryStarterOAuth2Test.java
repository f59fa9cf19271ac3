package org.apache.camel.component.mimecast.directory.springboot;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.util.StringHelper;
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
 * The same application on API 2.0: {@code auth-mode=oauth2} with a client secret holding {@code + / =} and
 * {@code &}, which must reach the token endpoint unchanged through the properties, and never the DEBUG log.
 */
@CamelSpringBootTest
@SpringBootTest(classes = OnboardingApplication.class,
                properties = "logging.level.org.apache.camel=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class MimecastDirectoryStarterOAuth2Test {

    private static final String CLIENT_SECRET = "starter+client/secret=&more";

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension(
            MimecastEmulator.builder().oauthClient("starter-client-id", CLIENT_SECRET));

    @DynamicPropertySource
    static void mimecastProperties(DynamicPropertyRegistry registry) {
        mimecast.emulator().oauth2ComponentOptions().forEach((name, value) -> registry.add(
                "camel.component.mimecast-directory." + StringHelper.camelCaseToDash(name), () -> value));
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;

    @Test
    void routesCallMimecastWithATokenFromTheConfiguredClient(CapturedOutput output) {
        String sales = mimecast.emulator().directory().createGroup("Sales").id();

        template.sendBodyAndHeader("direct:onboard", List.of("a@example.com", "b@example.com"),
                MimecastDirectoryConstants.GROUP_ID, sales);

        assertEquals(List.of("a@example.com", "b@example.com"), mimecast.emulator().directory().memberEmails(sales));
        assertEquals(1, mimecast.emulator().tokensIssued());
        assertTrue(mimecast.emulator().requests("add-group-member").get(0).header("Authorization")
                .startsWith("Bearer "));
        StringBuilder seen = new StringBuilder(output.getAll());
        for (Endpoint endpoint : camelContext.getEndpoints()) {
            seen.append(endpoint).append(' ').append(endpoint.getEndpointUri()).append('\n');
        }
        assertFalse(seen.toString().contains(CLIENT_SECRET), "the client secret in the log or an endpoint");
        assertFalse(seen.toString().contains("starter+client"), "part of the client secret in the log");
    }
}
