package org.apache.camel.component.mimecast.directory;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.mimecast.directory.client.OAuth2TokenProvider;
import org.apache.camel.component.mimecast.directory.client.RequestAuthenticator;
import org.apache.camel.component.mimecast.directory.client.CallGate;
import org.apache.camel.component.mimecast.directory.client.HttpClientFactory;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.MimecastJson;
import org.apache.camel.component.mimecast.directory.client.PooledHttpClient;
import org.apache.camel.component.mimecast.directory.client.RateLimitTracker;
import org.apache.camel.component.mimecast.directory.client.RetryPolicy;
import org.apache.camel.component.mimecast.directory.client.SecretRedactor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.IOHelper;

/**
 * Manage and watch Mimecast directory groups and their members. Holds the options shared by its endpoints, one pooled
 * HTTP client (per distinct TLS and connect timeout settings) and the rate limit state per API user.
 */
@Component("mimecast-directory")
public class MimecastDirectoryComponent extends HealthCheckComponent {

    /**
     * Option names Camel does not mask in URIs by itself. Its list has accessKey, secretKey, clientId and clientSecret,
     * and any name containing "secret"; appKey is not on it, and nor are the dash-case forms Camel also binds.
     */
    static final List<String> EXTRA_SENSITIVE_KEYWORDS = List.of("appKey", "app-key", "access-key", "client-id");


    @Metadata(description = "The options shared by every endpoint of this component")
    private MimecastDirectoryConfiguration configuration = new MimecastDirectoryConfiguration();

    private final ObjectMapper objectMapper = MimecastJson.newObjectMapper();
    private final ObjectMapper requestMapper = MimecastJson.newRequestMapper();
    private final Map<HttpClientKey, PooledHttpClient> httpClients = new ConcurrentHashMap<>();
    // Mimecast limits calls per API user across keys and endpoints: one gate (rate limit state, calls in flight) per
    // user and host.
    private final Map<String, CallGate> callGates = new ConcurrentHashMap<>();
    // One token cache per OAuth 2.0 client, shared by all endpoints using it.
    private final Map<String, OAuth2TokenProvider> tokenProviders = new ConcurrentHashMap<>();
    // Every secret and token of this component's endpoints: masked in whatever text a server sends back.
    private final SecretRedactor redactor = new SecretRedactor();

    /**
     * Writes the secret options' dash-case names (which Camel binds too) in camelCase before Camel logs or keeps the
     * URI: Camel masks accessKey, secretKey, clientId and clientSecret wherever they appear, but of the names it learns
     * at run time (appKey, access-key, ...) only the first in a URI.
     */
    @Override
    public Endpoint createEndpoint(String uri, Map<String, Object> properties) throws Exception {
        // Before Camel logs the path (unmasked at DEBUG): a typo can put every option, secrets too, into the path.
        MimecastDirectoryOperation.fromUriPath(pathOf(uri));
        return super.createEndpoint(SecretOptionNames.toCamelCase(uri), properties);
    }

    private static String pathOf(String uri) {
        String path = uri.substring(uri.indexOf(':') + 1);
        path = path.startsWith("//") ? path.substring(2) : path;
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MimecastDirectoryOperation operation = MimecastDirectoryOperation.fromUriPath(remaining);
        MimecastDirectoryEndpoint endpoint = new MimecastDirectoryEndpoint(uri, this, operation, configuration.copy());
        boolean ownAuthMode = parameters.entrySet().stream() // before setProperties removes what it binds
                .anyMatch(p -> p.getKey().replace("-", "").equalsIgnoreCase("authMode") && p.getValue() != null
                               && !p.getValue().toString().isBlank());
        setProperties(endpoint, parameters);
        if (ownAuthMode) {
            AuthenticatorFactory.dropInheritedOptionsOfOtherMode(endpoint.getConfiguration(), configuration);
        }
        return endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        registerSensitiveKeyword(getCamelContext().getCamelContextExtension());
    }

    @Override
    protected void doStop() throws Exception {
        httpClients.values().forEach(IOHelper::close);
        httpClients.clear();
        tokenProviders.clear();
        super.doStop();
    }

    /** Creates the client of an endpoint; fails with a clear message when the options are incomplete. */
    MimecastClient createClient(MimecastDirectoryConfiguration config) {
        redactor.addSecrets(config.getAccessKey(), config.getSecretKey(), config.getAppKey(), config.getClientId(),
                config.getClientSecret());
        String baseUrl = config.resolveBaseUrl();
        PooledHttpClient http = httpClient(config);
        RequestAuthenticator authenticator = AuthenticatorFactory.create(config, baseUrl, key -> tokenProviders
                .computeIfAbsent(key.cacheKey(), k -> new OAuth2TokenProvider(http, key.tokenUrl(), key.clientId(),
                        config.getClientSecret(), objectMapper, Clock.systemUTC(), config.getResponseTimeout(),
                        redactor)));
        RetryPolicy retryPolicy = new RetryPolicy(config.getMaxRetries(), config.getRetryBackoff(),
                config.getMaxRetryWait(), config.getCallTimeout());
        CallGate gate = callGates.computeIfAbsent(
                baseUrl + "|" + (config.getAuthMode() == AuthMode.oauth2 ? config.getClientId() : config.getAccessKey()),
                k -> new CallGate(config.getMaxConcurrentCalls(), new RateLimitTracker()));
        return new MimecastClient(http, authenticator, baseUrl, retryPolicy, config.getResponseTimeout(),
                objectMapper, gate, config.getRateLimitReserve(), redactor);
    }

    private PooledHttpClient httpClient(MimecastDirectoryConfiguration config) {
        if (config.getConnectTimeout() < 1 || config.getResponseTimeout() < 1) {
            throw new MimecastValidationException(
                    "connectTimeout", "connectTimeout and responseTimeout must be 1 ms or more");
        }
        if (config.getMaxConcurrentCalls() < 1) {
            throw new MimecastValidationException(
                    "maxConcurrentCalls", "maxConcurrentCalls must be 1 or more, was " + config.getMaxConcurrentCalls());
        }
        if (config.getRateLimitReserve() < 0 || config.getRateLimitReserve() > 90) {
            throw new MimecastValidationException(
                    "rateLimitReserve", "rateLimitReserve is a percentage from 0 to 90, was "
                                        + config.getRateLimitReserve());
        }
        if (config.getCallTimeout() < 1) {
            throw new MimecastValidationException(
                    "callTimeout", "callTimeout must be 1 ms or more, was " + config.getCallTimeout());
        }
        HttpClientKey key = new HttpClientKey(config.getConnectTimeout(), config.getSslContextParameters());
        return httpClients.computeIfAbsent(key, k -> HttpClientFactory.create(k.connectTimeout(), sslContext(k)));
    }

    private SSLContext sslContext(HttpClientKey key) {
        if (key.sslContextParameters() == null) {
            return null;
        }
        try {
            return key.sslContextParameters().createSSLContext(getCamelContext());
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot create the TLS context from sslContextParameters", e);
        }
    }

    private static void registerSensitiveKeyword(ExtendedCamelContext extension) {
        String existing = extension.getAdditionalSensitiveKeywords();
        Set<String> keywords = new LinkedHashSet<>();
        if (existing != null && !existing.isBlank()) {
            Arrays.stream(existing.split(",")).map(String::trim).filter(k -> !k.isEmpty()).forEach(keywords::add);
        }
        Set<String> known = new HashSet<>();
        keywords.forEach(k -> known.add(k.toLowerCase(Locale.ROOT)));
        EXTRA_SENSITIVE_KEYWORDS.stream().filter(k -> !known.contains(k.toLowerCase(Locale.ROOT))).forEach(keywords::add);
        extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
    }

    ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    ObjectMapper getRequestMapper() {
        return requestMapper;
    }

    public MimecastDirectoryConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The options shared by every endpoint of this component
     */
    public void setConfiguration(MimecastDirectoryConfiguration configuration) {
        this.configuration = configuration;
    }

    private record HttpClientKey(int connectTimeout, SSLContextParameters sslContextParameters) {
    }
}
