package org.apache.camel.component.mimecast.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuth2Test extends MimecastTestSupport {

    private String uri;

    @Override
    protected void configureComponent(MimecastDirectoryConfiguration configuration) {
        configureOAuth2(configuration, emulator());
    }

    @BeforeEach
    void seed() {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
        uri = "mimecast-directory:get-group-members?groupId=" + group;
    }

    @Test
    void aTokenThatExpiresMidRunIsRenewedTransparently() {
        assertEquals(3, members());
        emulator().expireTokens();
        assertEquals(3, members());

        assertEquals(List.of(200, 401, 200), statuses());
        assertEquals(2, emulator().tokensIssued());
    }

    @Test
    void tokensAreRenewedBeforeExpiresInRunsOut() throws Exception {
        emulator().tokenLifetime(Duration.ofSeconds(2));
        assertEquals(3, members());
        Thread.sleep(1900);
        assertEquals(3, members());
        assertEquals(List.of(200, 200), statuses(), "renewed ahead of expiry, no 401");
        assertEquals(2, emulator().tokensIssued());
    }

    @Test
    void sixteenConcurrentCallsAtExpiryCauseExactlyOneTokenRequest() throws Exception {
        assertEquals(3, members());
        emulator().expireTokens();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(threads.submit(() -> {
                start.await();
                return members();
            }));
        }
        start.countDown();
        for (Future<Integer> call : calls) {
            assertEquals(3, call.get());
        }
        threads.shutdown();
        assertEquals(2, emulator().tokensIssued(), "the first token, then one renewal for all 16 callers");
    }

    @Test
    void endpointsWithTheSameCredentialsShareOneToken() {
        members();
        template.requestBody("mimecast-directory:find-groups", null, List.class);
        template.requestBody("mimecast-directory:get-connection", (Object) null);
        assertEquals(1, emulator().tokensIssued());
    }

    @Test
    void aWrongClientSecretIsAClearAuthenticationError() {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri + "&clientSecret=not-the-secret", (Object) null));
        MimecastApiException error = assertInstanceOf(MimecastApiException.class, thrown.getCause());
        assertEquals(401, error.getHttpStatus());
        assertTrue(error.getMessage().contains("invalid_client"), error.getMessage());
        assertTrue(error.getMessage().contains("Check clientId and clientSecret"), error.getMessage());
        assertFalse(error.getMessage().contains("not-the-secret"));
        assertEquals(0, emulator().requests("get-group-members").size());
    }

    @Test
    void optionsOfTheTwoModesCannotBeMixed() {
        assertMixRejected(uri + "&accessKey=abc", "accessKey belongs to authMode=hmac (API 1.0) but authMode=oauth2");
        // An endpoint's own authMode=hmac does not inherit the component's API 2.0 client: it needs its keys
        assertMixRejected(uri + "&authMode=hmac", "API 1.0 signing needs accessKey");
        assertMixRejected(uri + "&authMode=hmac&clientId=other", "clientId belongs to authMode=oauth2 but authMode=hmac");
        assertMixRejected(uri + "&region=EU&baseUrl=", "region selects API 1.0 hosts");
    }

    @Test
    void anIncompleteOAuthConfigurationNamesTheMissingOption() throws Exception {
        context.getComponent("mimecast-directory", MimecastDirectoryComponent.class).getConfiguration()
                .setClientSecret(null);
        assertMixRejected(uri, "authMode=oauth2 needs clientSecret");
    }

    private void assertMixRejected(String endpointUri, String message) {
        Exception thrown = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + Math.abs(endpointUri.hashCode())).to(endpointUri);
            }
        }));
        Throwable cause = thrown;
        while (!(cause instanceof MimecastValidationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(MimecastValidationException.class, cause, thrown.toString());
        assertTrue(cause.getMessage().contains(message), cause.getMessage());
        assertTrue(thrown instanceof ResolveEndpointFailedException || thrown.getCause() != null);
    }

    private int members() {
        return template.requestBody(uri, null, List.class).size();
    }

    private List<Integer> statuses() {
        return emulator().requests("get-group-members").stream().map(RecordedRequest::status).toList();
    }
}
