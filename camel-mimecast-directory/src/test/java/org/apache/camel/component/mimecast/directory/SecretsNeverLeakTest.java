package org.apache.camel.component.mimecast.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.support.LogCapture;
import org.apache.camel.component.mimecast.emulator.EmulatorCredentials;
import org.apache.camel.component.mimecast.emulator.ForwardProxy;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs routes with real-looking secrets at DEBUG logging and checks that no log line, exception message or toString
 * carries secretKey or appKey (clientSecret arrives with API 2.0).
 */
class SecretsNeverLeakTest extends CamelTestSupport {

    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(
            "Zx9-real-looking-secret-key-material-7Qp2".getBytes(StandardCharsets.UTF_8));
    private static final String APP_KEY = "a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String WRONG_APP_KEY = "ffffeeee-dddd-4ccc-bbbb-aaaa99998888";

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension(MimecastEmulator.builder()
            .credentials(new EmulatorCredentials("mc-access-key-XYZ", SECRET_KEY, "my-app-id", APP_KEY)));

    // Camel core (not this component) logs resolved {{placeholder}} values and URIs at DEBUG, unmasked. The docs tell
    // users who keep secrets in placeholders to hold these two loggers at INFO.
    private static final List<String> PLACEHOLDER_LOGGERS = List.of(
            "org.apache.camel.component.properties", "org.apache.camel.impl.engine.DefaultCamelContextExtension");

    private static final List<String> HTTP_WIRE_LOGGERS = List.of(
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

    private LogCapture logs;

    @BeforeEach
    void captureEveryLogLineAtDebug() {
        logs = LogCapture.atDebug(List.of());
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // Secrets on the component as well as in URIs below.
        context.getPropertiesComponent().addInitialProperty("mimecast.appKey", APP_KEY);
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        component.getConfiguration().setSecretKey(SECRET_KEY);
        context.addComponent("mimecast-directory", component);
        return context;
    }

    /** Every logger at DEBUG; secrets literally in URIs and on the component. */
    @Test
    void noSecretWithLiteralSecretsInUris() throws Exception {
        String secrets = "&secretKey=RAW(" + SECRET_KEY + ")&appKey=" + APP_KEY;
        runRoutesAndAssertNoLeak(secrets);
    }

    /** Secrets from property placeholders, with Camel core's placeholder loggers at INFO as the docs advise. */
    @Test
    void noSecretWithPlaceholders() throws Exception {
        logs.holdAtInfo(PLACEHOLDER_LOGGERS);
        runRoutesAndAssertNoLeak("&appKey={{mimecast.appKey}}");
    }

    /**
     * API 2.0: neither the client secret nor any Bearer token reaches a log line or an exception. Unlike API 1.0
     * (whose secrets never leave the process), OAuth 2.0 must send both, and Apache HttpClient's wire and headers
     * loggers print raw traffic at DEBUG: the docs tell users to hold those two at INFO, as done here.
     */
    @Test
    void noClientSecretOrTokenWithOAuth2() throws Exception {
        logs.holdAtInfo(HTTP_WIRE_LOGGERS);
        MimecastEmulator emulator = mimecast.emulator();
        String group = emulator.directory().createGroup("Staff").id();
        String base = "mimecast-directory:get-group-members?authMode=oauth2&baseUrl=" + emulator.baseUrl()
                      + "&clientId=" + emulator.clientId() + "&groupId=" + group;
        context.getComponent("mimecast-directory", MimecastDirectoryComponent.class).getConfiguration()
                .setSecretKey(null);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good2").to(base + "&clientSecret=RAW(" + emulator.clientSecret() + ")");
                from("direct:bad2").to(base + "&clientSecret=" + WRONG_APP_KEY);
            }
        });
        emulator.directory().addMembers(group, 2);
        assertEquals(2, template.requestBody("direct:good2", null, List.class).size());
        emulator.expireTokens();
        assertEquals(2, template.requestBody("direct:good2", null, List.class).size());
        CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:bad2", (Object) null));
        List<String> texts = logs.linesAnd(failure);
        context.getEndpoints().forEach(e -> texts.add(e.toString()));
        assertTrue(logs.lines().size() > 20, "DEBUG logging was captured");
        for (String text : texts) {
            assertFalse(text.contains(emulator.clientSecret()), () -> "clientSecret leaked: " + text);
            assertFalse(text.contains(WRONG_APP_KEY), () -> "clientSecret leaked: " + text);
            assertFalse(text.contains("Bearer "), () -> "a token leaked: " + text);
        }
    }

    /**
     * Proxy credentials: neither the password nor its Basic form reaches a log line, an exception, a toString or the
     * endpoint descriptions, with the right password, a wrong one, and the dash-case option names. HttpClient's headers
     * logger prints the Proxy-Authorization header at DEBUG: the docs tell users to hold it at INFO, as done here.
     */
    @Test
    void noProxyPasswordInLogsOrMessages() throws Exception {
        logs.holdAtInfo(HTTP_WIRE_LOGGERS);
        String proxyPassword = "Pr0xy-pa55word-7f3a";
        String wrongPassword = "wr0ng-Pr0xy-pa55";
        String basic = Base64.getEncoder().encodeToString(("proxy-user:" + proxyPassword)
                .getBytes(StandardCharsets.UTF_8));
        String wrongBasic = Base64.getEncoder().encodeToString(("proxy-user:" + wrongPassword)
                .getBytes(StandardCharsets.UTF_8));
        MimecastEmulator emulator = mimecast.emulator();
        try (ForwardProxy proxy = ForwardProxy.builder().credentials("proxy-user", proxyPassword).build().start()) {
            String base = "mimecast-directory:find-groups?baseUrl=" + emulator.baseUrl()
                          + "&accessKey=mc-access-key-XYZ&appId=my-app-id&appKey=" + APP_KEY
                          + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&maxRetries=0";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:proxied").to(base + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW("
                                              + proxyPassword + ")");
                    from("direct:wrongProxyPassword").to(base + "&proxy-auth-username=proxy-user"
                                                         + "&proxy-auth-password=" + wrongPassword);
                }
            });
            assertEquals(0, template.requestBody("direct:proxied", null, List.class).size());
            CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody("direct:wrongProxyPassword", (Object) null));
            assertTrue(failure.getCause().getMessage().contains("rejected the proxy credentials"),
                    failure.getCause().getMessage());
            assertTrue(proxy.forwarded() >= 1, "the call went through the proxy");

            List<String> texts = logs.linesAnd(failure);
            for (Endpoint endpoint : context.getEndpoints()) {
                texts.add(endpoint.toString());
                if (endpoint instanceof MimecastDirectoryEndpoint mimecastEndpoint) {
                    texts.add(mimecastEndpoint.getConfiguration().toString());
                    texts.add(mimecastEndpoint.getClient().toString());
                }
            }
            assertTrue(logs.lines().size() > 20, "DEBUG logging was captured");
            for (String text : texts) {
                for (String secret : List.of(proxyPassword, wrongPassword, basic, wrongBasic)) {
                    assertFalse(text.contains(secret), () -> "a proxy password leaked: " + text);
                }
            }
        }
    }

    private void runRoutesAndAssertNoLeak(String secretOptions) throws Exception {
        MimecastEmulator emulator = mimecast.emulator();
        String group = emulator.directory().createGroup("Staff").id();
        emulator.directory().addMembers(group, 3);
        String base = "mimecast-directory:get-group-members?baseUrl=" + emulator.baseUrl()
                      + "&accessKey=mc-access-key-XYZ&appId=my-app-id&groupId=" + group;
        String goodUri = base + secretOptions;
        String badUri = base + "&appKey=" + WRONG_APP_KEY + "&maxRetries=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").routeId("good").log("members: ${body}").to(goodUri).log("got ${body}");
                from("direct:bad").routeId("bad").to(badUri);
            }
        });

        List<?> members = template.requestBody("direct:good", null, List.class);
        assertEquals(3, members.size());
        CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:bad", (Object) null));
        assertEquals(401, ((MimecastApiException) failure.getCause()).getHttpStatus());

        List<String> texts = logs.linesAnd(failure);
        for (Endpoint endpoint : context.getEndpoints()) {
            // getEndpointUri() is the raw registry key, unmasked in every Camel component; toString() is what is shown.
            texts.add(endpoint.toString());
            if (endpoint instanceof MimecastDirectoryEndpoint mimecastEndpoint) {
                texts.add(mimecastEndpoint.getConfiguration().toString());
                texts.add(mimecastEndpoint.getClient().toString());
            }
        }
        texts.add(context.getRoute("good").toString());

        assertTrue(logs.lines().size() > 20, "DEBUG logging was captured: " + logs.lines().size() + " lines");
        assertTrue(texts.stream().anyMatch(t -> t.contains("mimecast-directory")), "the routes were logged");
        for (String text : texts) {
            assertFalse(text.contains(SECRET_KEY), () -> "secretKey leaked: " + text);
            assertFalse(text.contains(APP_KEY), () -> "appKey leaked: " + text);
            assertFalse(text.contains(WRONG_APP_KEY), () -> "appKey leaked: " + text);
        }
    }
}
