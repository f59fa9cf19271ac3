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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.mimecast.directory.client.OAuth2TokenProvider;
import org.apache.camel.component.mimecast.directory.client.RequestAuthenticator;
import org.apache.camel.component.mimecast.directory.client.ApiUserQuotas;
import org.apache.camel.component.mimecast.directory.client.AttemptDeadlines;
import org.apache.camel.component.mimecast.directory.client.HttpClientFactory;
import org.apache.camel.component.mimecast.directory.client.HttpClientSettings;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.MimecastJson;
import org.apache.camel.component.mimecast.directory.client.PooledHttpClient;
import org.apache.camel.component.mimecast.directory.client.ProxySettings;
import org.apache.camel.component.mimecast.directory.client.RetryPolicy;
import org.apache.camel.component.mimecast.directory.client.SecretRedactor;
import org.apache.camel.component.mimecast.directory.metrics.ComponentMeters;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.IOHelper;

/**
 * Manage and watch Mimecast directory groups and their members. Holds the options shared by its endpoints, one pooled
 * HTTP client (per distinct TLS, connect timeout, proxy and configurer settings) and the rate limit state per API user.
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
    // Mimecast limits calls per API user: the user's quota is shared by every component of the JVM (ApiUserQuotas);
    // the calls in flight (maxConcurrentCalls) are bounded per user and host in this component.
    private final Map<String, ApiUserQuotas.Lease> quotas = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> callSlots = new ConcurrentHashMap<>();
    // The timer of attempt deadlines: a thread of the CamelContext's ExecutorServiceManager, from the first client to
    // the component's stop.
    private ScheduledExecutorService deadlineTimer;
    private volatile ComponentMeters meters = ComponentMeters.NONE;
    // One token cache per OAuth 2.0 client and connection pool (so per proxy), shared by all endpoints using them.
    private final Map<TokenProviderKey, OAuth2TokenProvider> tokenProviders = new ConcurrentHashMap<>();
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
    protected void doStart() throws Exception {
        super.doStart();
        meters = ComponentMeters.of(getCamelContext());
    }

    /** The meters of this component (published when the application binds a Micrometer MeterRegistry). */
    public ComponentMeters meters() {
        return meters;
    }

    @Override
    protected void doStop() throws Exception {
        meters.close();
        meters = ComponentMeters.NONE;
        httpClients.values().forEach(IOHelper::close);
        httpClients.clear();
        tokenProviders.clear();
        quotas.values().forEach(ApiUserQuotas.Lease::close);
        quotas.clear();
        callSlots.clear();
        ScheduledExecutorService timer;
        synchronized (this) {
            timer = deadlineTimer;
            deadlineTimer = null;
        }
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
        }
        super.doStop();
    }

    private synchronized AttemptDeadlines attemptDeadlines() {
        if (deadlineTimer == null || deadlineTimer.isShutdown()) {
            // Abort, not Camel's default CallerRuns: a deadline dropped by a pool being shut down would leave its
            // attempt unbounded; a refused one fails the call as not sent.
            ThreadPoolProfile profile = new ThreadPoolProfile("MimecastDirectoryDeadlines");
            profile.setPoolSize(1);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            deadlineTimer = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "MimecastDirectoryDeadlines", profile);
        }
        return new AttemptDeadlines(deadlineTimer);
    }

    /** Creates the client of an endpoint; fails with a clear message when the options are incomplete. */
    MimecastClient createClient(MimecastDirectoryConfiguration config) {
        if (isStoppingOrStopped()) {
            throw new IllegalStateException("The mimecast-directory component is stopping or stopped: no new client");
        }
        redactor.addSecrets(config.getAccessKey(), config.getSecretKey(), config.getAppKey(), config.getClientId(),
                config.getClientSecret());
        String baseUrl = config.resolveBaseUrl();
        HttpClientKey poolKey = httpClientKey(config);
        PooledHttpClient http = httpClients.computeIfAbsent(poolKey,
                k -> HttpClientFactory.create(k.connectTimeout(), sslContext(k), k.settings()));
        AttemptDeadlines deadlines = attemptDeadlines();
        RequestAuthenticator authenticator = AuthenticatorFactory.create(config, baseUrl, key -> tokenProviders
                .computeIfAbsent(new TokenProviderKey(key.cacheKey(), poolKey), k -> new OAuth2TokenProvider(http, key.tokenUrl(), key.clientId(),
                        config.getClientSecret(), objectMapper, Clock.systemUTC(), config.getResponseTimeout(),
                        redactor, deadlines)));
        RetryPolicy retryPolicy = new RetryPolicy(config.getMaxRetries(), config.getRetryBackoff(),
                config.getMaxRetryWait(), config.getCallTimeout());
        String user = config.getAuthMode() == AuthMode.oauth2 ? config.getClientId() : config.getAccessKey();
        String userKey = baseUrl + "\n" + user;
        ApiUserQuotas.Lease quota = quotas.computeIfAbsent(userKey, k -> ApiUserQuotas.take(baseUrl, user));
        Semaphore slots = callSlots.computeIfAbsent(userKey, k -> new Semaphore(config.getMaxConcurrentCalls(), true));
        return new MimecastClient(new MimecastClient.CallResources(http, slots, quota.quota(), deadlines),
                authenticator, baseUrl, retryPolicy, config.getResponseTimeout(), config.getRateLimitReserve(),
                objectMapper, redactor);
    }

    private HttpClientKey httpClientKey(MimecastDirectoryConfiguration config) {
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
        ProxySettings proxy = ProxySettings.of(config.getProxyHost(), config.getProxyPort(),
                config.getProxyAuthScheme(), config.getProxyAuthUsername(), config.getProxyAuthPassword(),
                config.isUseSystemProperties());
        redactor.addSecrets(proxy.secrets());
        if (proxy.usesSystemProperties()) {
            redactor.addSecrets(ProxySettings.systemSecrets());
        }
        return new HttpClientKey(config.getConnectTimeout(), config.getSslContextParameters(),
                new HttpClientSettings(proxy, config.getHttpClientConfigurer()));
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

    /** What makes a connection pool: endpoints differing in any of it never share one. */
    private record HttpClientKey(int connectTimeout, SSLContextParameters sslContextParameters,
            HttpClientSettings settings) {
    }

    /** An OAuth 2.0 client on one pool: its token requests go the way (proxy, TLS) of the endpoints using it. */
    private record TokenProviderKey(String client, HttpClientKey pool) {
    }
}
