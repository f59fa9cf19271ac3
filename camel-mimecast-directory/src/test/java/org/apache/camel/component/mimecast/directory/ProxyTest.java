package org.apache.camel.component.mimecast.directory;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.mimecast.directory.client.ProxyRefusedException;
import org.apache.camel.component.mimecast.emulator.ForwardProxy;
import org.apache.camel.component.mimecast.emulator.MimecastEmulator;
import org.apache.camel.component.mimecast.emulator.MimecastEmulatorExtension;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every call through a real forward proxy ({@link ForwardProxy}: CONNECT tunnels, Basic proxy credentials, plain HTTP
 * forwarding) to the emulator served over HTTPS: API 1.0 and API 2.0 (the token request too), proxy credentials, the
 * JVM's proxy settings and http.nonProxyHosts, the configurer hook, and the errors of a proxy that is down, refuses a
 * tunnel or rejects the credentials. The proxy records every byte it relays: none may hold a Mimecast secret.
 */
class ProxyTest extends CamelTestSupport {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "Pr0xy-pa55word-7f3a";
    private static final List<String> JVM_PROXY_PROPERTIES = List.of("https.proxyHost", "https.proxyPort",
            "http.proxyHost", "http.proxyPort", "http.nonProxyHosts", "https.proxyUser", "https.proxyPassword",
            "http.proxyUser", "http.proxyPassword");

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension(MimecastEmulator.builder().https(true));

    private ForwardProxy proxy;
    private final Map<String, String> savedProperties = new HashMap<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        MimecastTestSupport.configure(component.getConfiguration(), emulator());
        component.getConfiguration().setSslContextParameters(emulatorTrust());
        context.addComponent("mimecast-directory", component);
        return context;
    }

    @AfterEach
    void stopProxyAndRestoreProperties() {
        if (proxy != null) {
            proxy.close();
        }
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void hmacCallsGoThroughTheProxyWithCredentialsAndItSeesOnlyTls() {
        proxy = ForwardProxy.builder().credentials(PROXY_USER, PROXY_PASSWORD).build().start();
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);

        String options = proxyOptions(PROXY_PASSWORD);
        for (int i = 0; i < 20; i++) {
            assertEquals(3, template.requestBody("mimecast-directory:get-group-members?groupId=" + group + options,
                    null, List.class).size());
        }
        template.requestBody("mimecast-directory:add-group-member?groupId=" + group + options,
                "new.hire@example.com");

        assertEquals(21, emulator().requests().size(), "every call reached Mimecast");
        System.out.printf("21 HMAC calls through the proxy: %d CONNECT requests, %d answered 407, %d tunnels,"
                          + " %d bytes relayed%n", proxy.connectRequests(), proxy.authenticationRequired(),
                proxy.tunnels(), proxy.relayedBytes().length);
        assertTrue(proxy.tunnels() >= 1, "through the proxy: " + proxy.requestLines());
        assertTrue(proxy.requestLines().stream().allMatch(
                line -> line.equals("CONNECT localhost:" + emulator().port() + " HTTP/1.1")), proxy.requestLines()
                .toString());
        assertTrue(proxy.authenticationRequired() >= 1, "the proxy asked for credentials");
        assertTrue(proxy.proxyAuthorizations().contains(basic(PROXY_USER, PROXY_PASSWORD)), "and got them");
        assertTrue(proxy.tunnels() <= 3, "pooled connections reuse their tunnel: " + proxy.tunnels() + " tunnels");
        assertNoMimecastSecretRelayed("new.hire@example.com", "Staff", "/api/directory",
                emulator().credentials().accessKey(), emulator().credentials().secretKey());
        assertTrue(indexOf(proxy.relayedBytes(), new byte[] { 0x16, 0x03 }) >= 0, "TLS records were relayed");
    }

    @Test
    void oauth2TokenRequestAndCallsGoThroughTheProxy() {
        proxy = ForwardProxy.builder().credentials(PROXY_USER, PROXY_PASSWORD).build().start();
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);

        List<?> members = template.requestBody(oauth2Uri("get-group-members?groupId=" + group)
                                               + proxyOptions(PROXY_PASSWORD), null, List.class);

        assertEquals(2, members.size());
        assertEquals(1, emulator().tokensIssued());
        String authorization = emulator().requests("get-group-members").get(0).header("authorization");
        assertTrue(authorization.startsWith("Bearer "), authorization);
        assertTrue(proxy.tunnels() >= 1 && proxy.connectRequests() >= 2, proxy.requestLines().toString());
        assertNoMimecastSecretRelayed(emulator().clientSecret(), emulator().clientId(),
                authorization.substring("Bearer ".length()), "client_secret", "grant_type", "/oauth/token");
    }

    @Test
    void aWrongProxyPasswordNamesTheProxyAndNotThePasswordAndIsNotRetried() {
        proxy = ForwardProxy.builder().credentials(PROXY_USER, PROXY_PASSWORD).build().start();
        String group = emulator().directory().createGroup("Staff").id();

        MimecastApiException read = failure("mimecast-directory:get-group-members?groupId=" + group
                                            + proxyOptions("wrong-Pa55word"));
        assertTrue(read.getMessage().contains("The proxy " + proxy.address() + " (proxyHost and proxyPort) rejected"
                                              + " the proxy credentials (HTTP 407 Proxy Authentication Required):"
                                              + " check proxyAuthUsername and proxyAuthPassword"), read.getMessage());
        assertFalse(read.isRetryable(), "a 407 does not pass by itself");
        assertEquals(2, proxy.connectRequests(), "one challenge, one refusal, no retry: " + proxy.requestLines());
        assertInstanceOf(ProxyRefusedException.class, read.getCause());
        assertEquals(407, ((ProxyRefusedException) read.getCause()).getStatus());

        MimecastApiException write = failure("mimecast-directory:add-group-member?groupId=" + group
                                             + proxyOptions("wrong-Pa55word") + "&emailAddress=a@example.com");
        assertFalse(write.getMessage().contains("may have been applied"), "nothing reached Mimecast: "
                                                                          + write.getMessage());

        MimecastApiException token = failure(oauth2Uri("find-groups") + proxyOptions("wrong-Pa55word"));
        assertTrue(token.getMessage().startsWith("OAuth 2.0 token request to https://localhost:"), token.getMessage());
        assertTrue(token.getMessage().contains("The proxy " + proxy.address()), token.getMessage());

        for (MimecastApiException e : List.of(read, write, token)) {
            assertFalse(e.getMessage().contains("wrong-Pa55word") || e.getMessage().contains(PROXY_USER),
                    e.getMessage());
        }
        assertEquals(0, emulator().requests().size(), "nothing reached Mimecast");
    }

    @Test
    void aProxyThatWantsCredentialsSaysWhichOptionsToSet() {
        proxy = ForwardProxy.builder().credentials(PROXY_USER, PROXY_PASSWORD).build().start();

        MimecastApiException e = failure("mimecast-directory:find-groups?proxyHost=127.0.0.1&proxyPort="
                                         + proxy.port());

        assertTrue(e.getMessage().contains("The proxy " + proxy.address() + " (proxyHost and proxyPort) requires"
                                           + " credentials (HTTP 407 Proxy Authentication Required): set"
                                           + " proxyAuthUsername and proxyAuthPassword"), e.getMessage());
    }

    @Test
    void aProxyAskingOnlyForAnotherSchemeIsNamedWithIt() {
        proxy = ForwardProxy.builder().credentials(PROXY_USER, PROXY_PASSWORD).challenge("NTLM").build().start();

        MimecastApiException e = failure("mimecast-directory:find-groups" + proxyOptions(PROXY_PASSWORD)
                .replaceFirst("&", "?"));

        assertTrue(e.getMessage().endsWith(". It asks for NTLM, of which only Basic and Digest are answered (a"
                                           + " httpClientConfigurer can register other schemes)"), e.getMessage());
    }

    @Test
    void aProxyThatIsDownIsNamedAsTheProxy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        MimecastApiException e = failure("mimecast-directory:find-groups?maxRetries=0&proxyHost=127.0.0.1&proxyPort="
                                         + closedPort);

        assertTrue(e.getMessage().contains("Cannot connect to the proxy 127.0.0.1:" + closedPort
                                           + " (proxyHost and proxyPort): Connection refused. Check that a proxy"
                                           + " listens at that address"), e.getMessage());
        assertTrue(e.isRetryable(), "a proxy may come back");
        assertEquals(0, emulator().requests().size());
    }

    @Test
    void aRefusedTunnelIsTheProxysAnswerNotMimecasts() {
        String target = "localhost:" + emulator().port();
        proxy = ForwardProxy.builder().refuseTunnelsTo(target).build().start();

        MimecastApiException e = failure("mimecast-directory:find-groups?proxyHost=127.0.0.1&proxyPort="
                                         + proxy.port());

        assertTrue(e.getMessage().contains("The proxy " + proxy.address() + " (proxyHost and proxyPort) refused to"
                                           + " open a tunnel (CONNECT) to " + target + " (HTTP 403 Forbidden): ask"
                                           + " the proxy's administrators to allow HTTPS to that host and port"),
                e.getMessage());
        assertFalse(e.getMessage().contains("permission"), "not read as Mimecast's 403: " + e.getMessage());
        assertEquals(0, e.getHttpStatus(), "Mimecast did not answer");
        assertEquals(1, proxy.connectRequests(), "a refusal is not retried");
    }

    @Test
    void theJvmsProxySettingsAreFollowedByDefaultAndNonProxyHostsBypassIt() {
        proxy = ForwardProxy.builder().credentials(PROXY_USER, PROXY_PASSWORD).build().start();
        // The JDK exempts localhost and loopback addresses from any non-empty http.nonProxyHosts (it adds them to the
        // list): an empty list is the one way to proxy the emulator.
        setProperty("https.proxyHost", proxy.host());
        setProperty("https.proxyPort", String.valueOf(proxy.port()));
        setProperty("http.nonProxyHosts", "");
        setProperty("https.proxyUser", PROXY_USER);
        setProperty("https.proxyPassword", PROXY_PASSWORD);

        assertEquals(0, template.requestBody("mimecast-directory:find-groups", null, List.class).size());
        assertTrue(proxy.tunnels() >= 1, "the JVM's proxy was used: " + proxy.requestLines());
        assertTrue(proxy.proxyAuthorizations().contains(basic(PROXY_USER, PROXY_PASSWORD)), "with its credentials");
        int tunnels = proxy.tunnels();

        template.requestBody("mimecast-directory:find-groups?useSystemProperties=false", null, List.class);
        assertEquals(tunnels, proxy.tunnels(), "useSystemProperties=false connects directly");

        setProperty("http.nonProxyHosts", "localhost");
        template.requestBody("mimecast-directory:find-groups?pageSize=7", null, List.class);
        assertEquals(tunnels, proxy.tunnels(), "a host in http.nonProxyHosts is reached directly");
        assertEquals(3, emulator().requests().size());

        setProperty("http.nonProxyHosts", "");
        setProperty("https.proxyPassword", "wrong-Pa55word");
        // Another connectTimeout, another pool: the pooled tunnel opened with the right password is not reused.
        MimecastApiException e = failure("mimecast-directory:find-groups?connectTimeout=9999");
        assertTrue(e.getMessage().contains("The proxy " + proxy.address() + " (from the JVM's proxy settings, such as"
                                           + " https.proxyHost; useSystemProperties=false ignores them) rejected the"
                                           + " proxy credentials"), e.getMessage());
        assertTrue(e.getMessage().contains("check the JVM's https.proxyUser and https.proxyPassword"),
                e.getMessage());
        assertFalse(e.getMessage().contains("wrong-Pa55word"), e.getMessage());
    }

    @Test
    void plainHttpGoesThroughTheJvmsHttpProxyAndThroughAnAuthenticatingProxy() {
        proxy = ForwardProxy.builder().credentials(PROXY_USER, PROXY_PASSWORD).build().start();
        try (ForwardProxy open = ForwardProxy.builder().build().start();
             MimecastEmulator plain = MimecastEmulator.builder().credentials(emulator().credentials()).build().start()) {
            setProperty("http.proxyHost", open.host());
            setProperty("http.proxyPort", String.valueOf(open.port()));
            setProperty("http.nonProxyHosts", "");
            String uri = "mimecast-directory:find-groups?baseUrl=" + plain.baseUrl();

            assertEquals(0, template.requestBody(uri, null, List.class).size());
            assertEquals(1, open.forwarded(), "forwarded by the JVM's http proxy: " + open.requestLines());
            assertTrue(open.requestLines().contains("POST " + plain.baseUrl() + "/api/directory/find-groups"
                                                    + " HTTP/1.1"), open.requestLines().toString());

            String authenticating = uri + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyAuthUsername="
                                    + PROXY_USER;
            template.requestBody(authenticating + "&proxyAuthPassword=RAW(" + PROXY_PASSWORD + ")", null, List.class);
            assertEquals(1, proxy.forwarded(), proxy.requestLines().toString());
            assertEquals(0, proxy.authenticationRequired(), "plain HTTP sends the credentials with the request");
            assertEquals(2, plain.requests().size());
            assertTrue(plain.requests().stream().allMatch(r -> r.status() == 200), "signed as sent");

            MimecastApiException e = failure(authenticating + "&proxyAuthPassword=wrong-Pa55word");
            assertTrue(e.getMessage().contains("The proxy " + proxy.address() + " (proxyHost and proxyPort) rejected"
                                               + " the proxy credentials"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-Pa55word"), e.getMessage());
            assertEquals(2, plain.requests().size(), "the proxy forwarded nothing more");
        }
    }

    @Test
    void aProxyServedOverTlsIsReachedWithProxyAuthSchemeHttps() {
        proxy = ForwardProxy.builder().tls(true).credentials(PROXY_USER, PROXY_PASSWORD).build().start();

        template.requestBody("mimecast-directory:find-groups?proxyAuthScheme=https&proxyHost=localhost&proxyPort="
                             + proxy.port() + "&proxyAuthUsername=" + PROXY_USER + "&proxyAuthPassword=RAW("
                             + PROXY_PASSWORD + ")", null, List.class);

        assertEquals(1, emulator().requests().size());
        assertTrue(proxy.tunnels() >= 1, proxy.requestLines().toString());
        assertNoMimecastSecretRelayed(emulator().credentials().accessKey(), "/api/directory");
    }

    @Test
    void endpointsShareAPoolOnlyWithTheSameProxySettings() {
        String a = "mimecast-directory:find-groups?proxyHost=127.0.0.1&proxyPort=3128&proxyAuthUsername=u"
                   + "&proxyAuthPassword=p1p1";
        MimecastDirectoryEndpoint first = context.getEndpoint(a, MimecastDirectoryEndpoint.class);
        MimecastDirectoryEndpoint same = context.getEndpoint(a + "&pageSize=5", MimecastDirectoryEndpoint.class);
        MimecastDirectoryEndpoint otherPassword = context.getEndpoint(a.replace("p1p1", "p2p2"),
                MimecastDirectoryEndpoint.class);
        MimecastDirectoryEndpoint otherPort = context.getEndpoint(a.replace("3128", "3129"),
                MimecastDirectoryEndpoint.class);
        MimecastDirectoryEndpoint direct = context.getEndpoint("mimecast-directory:find-groups",
                MimecastDirectoryEndpoint.class);

        assertSame(first.getClient().httpClient(), same.getClient().httpClient());
        assertNotSame(first.getClient().httpClient(), otherPassword.getClient().httpClient());
        assertNotSame(first.getClient().httpClient(), otherPort.getClient().httpClient());
        assertNotSame(first.getClient().httpClient(), direct.getClient().httpClient());
    }

    @Test
    void aConfigurerAdjustsTheClientAndThePoolForWhatOptionsCannotSay() {
        proxy = ForwardProxy.builder().build().start();
        HttpHost proxyHost = new HttpHost("http", proxy.host(), proxy.port());
        context.getRegistry().bind("viaProxy", new MimecastHttpClientConfigurer() {
            @Override
            public void configureConnectionManager(PoolingHttpClientConnectionManagerBuilder builder) {
                builder.setMaxConnTotal(2);
            }

            @Override
            public void configureHttpClient(HttpClientBuilder builder) {
                builder.setRoutePlanner(new DefaultProxyRoutePlanner(proxyHost));
            }
        });

        MimecastDirectoryEndpoint endpoint = context.getEndpoint(
                "mimecast-directory:find-groups?httpClientConfigurer=#viaProxy", MimecastDirectoryEndpoint.class);
        template.requestBody(endpoint, null, List.class);

        assertEquals(1, proxy.tunnels(), "the configurer's route planner was used");
        assertEquals(2, endpoint.getClient().httpClient().poolStats().getMax(), "and its pool size");
        assertNotSame(endpoint.getClient().httpClient(), context.getEndpoint("mimecast-directory:find-groups",
                MimecastDirectoryEndpoint.class).getClient().httpClient());
    }

    @Test
    void badProxyOptionsAreRefusedBeforeAnyCall() {
        assertBadOption("proxyPort=3128", "proxyHost",
                "proxyPort is set but proxyHost is not: set proxyHost to the proxy's host name too");
        assertBadOption("proxyHost=proxy.example.com", "proxyPort",
                "proxyHost needs proxyPort: set the proxy's port, e.g. proxyHost=proxy.example.com&proxyPort=3128");
        assertBadOption("proxyHost=http://proxy.example.com:3128&proxyPort=3128", "proxyHost",
                "proxyHost is the proxy's host name only, was http://proxy.example.com:3128: put the port in"
                                                                                 + " proxyPort");
        assertBadOption("proxyHost=u:secret-pw@proxy.example.com&proxyPort=3128", "proxyHost",
                "proxyHost is the proxy's host name only, not a URL with credentials");
        assertBadOption("proxyHost=proxy.example.com&proxyPort=70000", "proxyPort",
                "proxyPort must be from 1 to 65535, was 70000");
        assertBadOption("proxyHost=proxy.example.com&proxyPort=3128&proxyAuthUsername=u", "proxyAuthPassword",
                "Proxy credentials need both proxyAuthUsername and proxyAuthPassword: set proxyAuthPassword too");
        assertBadOption("proxyAuthUsername=u&proxyAuthPassword=secret-pw", "proxyHost",
                "proxyAuthUsername and proxyAuthPassword need proxyHost and proxyPort");
        assertBadOption("proxyHost=proxy.example.com&proxyPort=3128&proxyAuthScheme=Basic", "proxyAuthScheme",
                "proxyAuthScheme is the protocol spoken to the proxy, http or https (as in camel-http), was Basic:"
                                                                                                  + " Basic or Digest authentication is used by itself");
    }

    private void assertBadOption(String options, String field, String message) {
        Exception failure = assertThrows(Exception.class,
                () -> context.getEndpoint("mimecast-directory:find-groups?" + options));
        Throwable cause = failure;
        while (cause != null && !(cause instanceof MimecastValidationException)) {
            cause = cause.getCause();
        }
        MimecastValidationException e = assertInstanceOf(MimecastValidationException.class, cause,
                () -> failure.toString());
        assertEquals(field, e.getField(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertFalse(e.getMessage().contains("secret-pw"), e.getMessage());
    }

    private String proxyOptions(String password) {
        return "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyAuthUsername=" + PROXY_USER
               + "&proxyAuthPassword=RAW(" + password + ")";
    }

    /** Switches the component to API 2.0 (for the endpoints created from now on) and gives an endpoint URI. */
    private String oauth2Uri(String operationAndOptions) {
        MimecastDirectoryConfiguration configuration = context.getComponent("mimecast-directory",
                MimecastDirectoryComponent.class).getConfiguration();
        configuration.setAccessKey(null);
        configuration.setSecretKey(null);
        configuration.setAppId(null);
        configuration.setAppKey(null);
        MimecastTestSupport.configureOAuth2(configuration, emulator());
        return "mimecast-directory:" + operationAndOptions + (operationAndOptions.contains("?") ? "" : "?authMode=oauth2");
    }

    private MimecastApiException failure(String uri) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri, (Object) null));
        return assertInstanceOf(MimecastApiException.class, e.getCause(), () -> String.valueOf(e.getCause()));
    }

    private void assertNoMimecastSecretRelayed(String... texts) {
        byte[] relayed = proxy.relayedBytes();
        assertTrue(relayed.length > 1000, "the proxy relayed the calls: " + relayed.length + " bytes");
        for (String text : texts) {
            assertNotNull(text);
            assertEquals(-1, indexOf(relayed, text.getBytes(StandardCharsets.UTF_8)),
                    () -> "the proxy could read " + text);
        }
    }

    private void setProperty(String name, String value) {
        if (!savedProperties.containsKey(name)) {
            savedProperties.put(name, System.getProperty(name));
        }
        System.setProperty(name, value);
    }

    private static MimecastEmulator emulator() {
        return mimecast.emulator();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static SSLContextParameters emulatorTrust() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("classpath:" + MimecastEmulator.TRUST_STORE_RESOURCE);
        trustStore.setPassword(MimecastEmulator.STORE_PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        return tls;
    }
}
