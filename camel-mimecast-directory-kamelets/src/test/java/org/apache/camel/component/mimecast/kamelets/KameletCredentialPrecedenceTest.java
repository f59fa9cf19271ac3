package org.apache.camel.component.mimecast.kamelets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.apache.camel.main.Main;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component configured for one API through camel.component.mimecast-directory.* (Camel Main), a Kamelet for the
 * other through its own parameters: the Kamelet's authMode wins for the Kamelet, the component's credentials of the
 * other mode are not inherited by it, and a plain route on the component keeps the component's mode.
 */
class KameletCredentialPrecedenceTest {

    private static final String COMPONENT = "camel.component.mimecast-directory.";
    private static final String SOURCE = "camel.kamelet.mimecast-directory-members-source.";
    private static final String SINK = "camel.kamelet.mimecast-directory-group-member-sink.";

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    private final Main main = new Main();
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        main.stop();
    }

    @Test
    void aKameletWithAuthModeOauth2IgnoresTheComponentsApiOneKeys() throws Exception {
        emulator().componentOptions().forEach((option, value) -> component(option, value));
        kamelets("authMode", "oauth2");
        kamelets("clientId", emulator().clientId());
        kamelets("clientSecret", emulator().clientSecret());

        startKameletsAndAPlainRoute();

        assertEquals(List.of("Bearer"), schemes("get-group-members"), "the Kamelet source: API 2.0");
        assertEquals(List.of("Bearer"), schemes("add-group-member"), "the Kamelet sink: API 2.0");
        assertEquals(List.of("MC"), schemes("find-groups"), "a route on the component: its API 1.0 keys");
    }

    @Test
    void aKameletWithAuthModeHmacIgnoresTheComponentsApiTwoClient() throws Exception {
        emulator().oauth2ComponentOptions().forEach((option, value) -> component(option, value));
        component("tokenUrl", emulator().baseUrl() + "/oauth/token");
        kamelets("authMode", "hmac");
        Map<String, String> keys = emulator().componentOptions();
        for (String option : List.of("accessKey", "secretKey", "appId", "appKey")) {
            kamelets(option, keys.get(option));
        }

        startKameletsAndAPlainRoute();

        assertEquals(List.of("MC"), schemes("get-group-members"), "the Kamelet source: API 1.0");
        assertEquals(List.of("MC"), schemes("add-group-member"), "the Kamelet sink: API 1.0");
        assertEquals(List.of("Bearer"), schemes("find-groups"), "a route on the component: its API 2.0 client");
    }

    @Test
    void aKameletWithoutAuthModeTakesTheComponentsMode() throws Exception {
        emulator().oauth2ComponentOptions().forEach((option, value) -> component(option, value));

        startKameletsAndAPlainRoute();

        assertEquals(List.of("Bearer"), schemes("get-group-members"));
        assertEquals(List.of("Bearer"), schemes("add-group-member"));
    }

    @Test
    void aMixWithinOneKameletIsRefusedNamingWhereEachSettingMayComeFrom() {
        emulator().oauth2ComponentOptions().forEach((option, value) -> component(option, value));
        kamelets("accessKey", "kamelet-access-key");

        Exception e = assertThrows(Exception.class, this::startKameletsAndAPlainRoute);
        String message = rootMessage(e);
        assertTrue(message.contains("accessKey belongs to authMode=hmac (API 1.0) but authMode=oauth2"), message);
        assertTrue(message.contains("camel.component.mimecast-directory.access-key"), message);
        assertTrue(message.contains("an endpoint or Kamelet that sets authMode itself ignores the component's "
                                    + "options of the other mode"), message);
        assertFalse(message.contains("kamelet-access-key"), "the value is never shown: " + message);
        assertTrue(emulator().requests("get-group-members").isEmpty(), "no call with mixed credentials");
    }

    /** The source and the sink Kamelets on one group, and a find-groups route on the component itself. */
    private void startKameletsAndAPlainRoute() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:mimecast-directory-members-source?groupId=" + group + "&delay=200")
                        .process(e -> received.add(e.getMessage().getBody(String.class)));
                from("direct:hire").to("kamelet:mimecast-directory-group-member-sink?groupId=" + group);
                from("direct:groups").to("mimecast-directory:find-groups");
            }
        });
        main.start();
        main.getCamelContext().createProducerTemplate().sendBody("direct:hire", "new.hire@example.com");
        main.getCamelContext().createProducerTemplate().sendBody("direct:groups", null);
        long deadline = System.currentTimeMillis() + 10_000;
        while (received.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(3, received.size(), "two members and the new hire: " + received);
    }

    /** The Authorization schemes (MC: API 1.0 signature, Bearer: API 2.0) of one operation's requests. */
    private static List<String> schemes(String operation) {
        return emulator().requests(operation).stream().map(r -> r.header("Authorization").split(" ")[0])
                .distinct().toList();
    }

    private void component(String option, String value) {
        main.addInitialProperty(COMPONENT + StringHelper.camelCaseToDash(option), value);
    }

    private void kamelets(String parameter, String value) {
        main.addInitialProperty(SOURCE + parameter, value);
        main.addInitialProperty(SINK + parameter, value);
    }

    private static MimecastEmulator emulator() {
        return mimecast.emulator();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
