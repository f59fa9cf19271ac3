package org.apache.camel.component.mimecast.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A local Mimecast Directory API on loopback, as strict as Mimecast's documentation: every request must carry a
 * valid API 1.0 signature, a fresh request id and a current date; bodies must be the documented envelope. Seed it
 * through {@link #directory()}, inject failures through {@link #faults()}, read what was sent from
 * {@link #requests()}.
 *
 * <pre>
 * try (MimecastEmulator emulator = MimecastEmulator.builder().build().start()) {
 *     String group = emulator.directory().createGroup("Sales").id();
 *     // point the component at emulator.baseUrl() with emulator.credentials()
 * }
 * </pre>
 */
public final class MimecastEmulator implements AutoCloseable {

    /** The password of the bundled keystore and trust store. */
    public static final String STORE_PASSWORD = "changeit";
    /** Class path of the trust store that trusts the emulator's self-signed localhost certificate (PKCS12). */
    public static final String TRUST_STORE_RESOURCE = "org/apache/camel/component/mimecast/emulator/emulator-truststore.p12";
    /** The port of the standalone emulator (main) when none is given. */
    public static final int DEFAULT_STANDALONE_PORT = 8089;
    private static final String KEY_STORE_RESOURCE = "org/apache/camel/component/mimecast/emulator/emulator-keystore.p12";

    private final EmulatorCredentials credentials;
    private final int requestedPort;
    private final boolean https;
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final FaultPlan faults = new FaultPlan();
    private final RateLimitQuota quota;
    private final OAuthTokens oauth;
    private final SignatureVerifier verifier;
    private final DirectoryApi api;
    private final EmulatorHandler handler;
    private final String clientId;
    private final String clientSecret;
    private HttpServer server;
    private ExecutorService executor;

    private MimecastEmulator(Builder builder) {
        this.credentials = builder.credentials;
        this.requestedPort = builder.port;
        this.https = builder.https;
        ObjectMapper mapper = new ObjectMapper();
        ApiErrors errors = new ApiErrors(mapper);
        this.quota = new RateLimitQuota(builder.clock);
        this.verifier = new SignatureVerifier(credentials, builder.clock, errors);
        this.api = new DirectoryApi(directory, mapper, errors, faults);
        Map<String, String> clients = new LinkedHashMap<>(builder.extraClients);
        clients.put(builder.clientId, builder.clientSecret);
        this.oauth = new OAuthTokens(clients, builder.clock, mapper, errors);
        this.handler = new EmulatorHandler(api, verifier, faults, quota, oauth, errors, mapper, builder.clock);
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
    }

    static {
        // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm and delayed ACKs
        // add ~40 ms to every small response. Read once by the JDK when the first server starts; a value the user
        // set wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on loopback. */
    public synchronized MimecastEmulator start() {
        if (server != null) {
            return this;
        }
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", requestedPort);
            if (https) {
                HttpsServer httpsServer = HttpsServer.create(address, 0);
                httpsServer.setHttpsConfigurator(new HttpsConfigurator(serverSslContext()));
                server = httpsServer;
            } else {
                server = HttpServer.create(address, 0);
            }
        } catch (BindException e) {
            throw new IllegalStateException("Cannot start the Mimecast emulator on port " + requestedPort
                                            + ": the port is in use (another emulator?). Pick another port: "
                                            + "-Dexec.args=PORT with exec:java, the first argument with java -cp, "
                                            + "port(0) in code for a free one", e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Mimecast emulator on port " + requestedPort, e);
        }
        // Enough threads that a latency test measures the client's concurrency, not the emulator's.
        executor = Executors.newFixedThreadPool(64, r -> {
            Thread thread = new Thread(r, "mimecast-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return this;
    }

    /** Stops the server. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** The base URL to configure as the component's {@code baseUrl}, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("The emulator is not started");
        }
        return (https ? "https://localhost:" : "http://127.0.0.1:") + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorCredentials credentials() {
        return credentials;
    }

    /**
     * The component options that point at this emulator: baseUrl, accessKey, secretKey, appId and appKey, keyed by
     * option name (prefix them with {@code camel.component.mimecast-directory.} for properties).
     */
    public Map<String, String> componentOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("baseUrl", baseUrl());
        options.put("accessKey", credentials.accessKey());
        options.put("secretKey", credentials.secretKey());
        options.put("appId", credentials.appId());
        options.put("appKey", credentials.appKey());
        return options;
    }

    /**
     * The component options for API 2.0 against this emulator: authMode=oauth2, baseUrl, clientId, clientSecret
     * (the token URL defaults to baseUrl + /oauth/token).
     */
    public Map<String, String> oauth2ComponentOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("authMode", "oauth2");
        options.put("baseUrl", baseUrl());
        options.put("clientId", clientId);
        options.put("clientSecret", clientSecret);
        return options;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The lifetime of new API 2.0 tokens (expires_in); 30 minutes by default. */
    public MimecastEmulator tokenLifetime(java.time.Duration lifetime) {
        oauth.lifetime(lifetime);
        return this;
    }

    /** Expires every API 2.0 token issued so far: the next call with one gets 401 token_expired. */
    public void expireTokens() {
        oauth.expireAll();
    }

    /**
     * The API 2.0 client whose token authenticated a recorded request, or null (an API 1.0 or unauthenticated call):
     * tells the calls of several applications (for example the nodes of a cluster, see
     * {@link Builder#addOauthClient}) apart in {@link #requests()}.
     */
    public String oauthClientOf(RecordedRequest request) {
        return oauth.clientOf(request.header("authorization"));
    }

    /** How many tokens the token endpoint has issued. */
    public int tokensIssued() {
        return oauth.issuedCount();
    }

    public InMemoryDirectory directory() {
        return directory;
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return handler.recorded();
    }

    /** The requests received for one operation, e.g. {@code get-group-members}. */
    public List<RecordedRequest> requests(String operation) {
        return handler.recorded().stream().filter(r -> r.operation().equals(operation)).toList();
    }

    /**
     * Enables a per-user quota of {@code limit} calls per window, reported in the X-RateLimit-* headers; calls over
     * it get HTTP 429. A limit of 0 disables it (the default).
     */
    public MimecastEmulator rateLimit(int limit, long windowMillis) {
        quota.configure(limit, windowMillis);
        return this;
    }

    /**
     * Adds a round trip to every directory call, as a far-away API has (real Mimecast: 100 to 500 ms). 0, the default,
     * answers at once.
     */
    public MimecastEmulator latency(java.time.Duration latency) {
        handler.setLatencyMillis(latency.toMillis());
        return this;
    }

    /** The most directory calls the emulator had in flight at once since the start or the last reset. */
    public int maxConcurrentRequests() {
        return handler.maxInFlight();
    }

    /** The largest number of items a write request may carry (10 by default). */
    public MimecastEmulator maxItemsPerRequest(int max) {
        api.setMaxItemsPerRequest(max);
        return this;
    }

    /** Clears the directory, the faults, the recorded requests, the quota and the seen request ids. */
    public void reset() {
        directory.clear();
        faults.clear();
        handler.clearRecorded();
        quota.configure(0, 0);
        handler.setLatencyMillis(0);
        verifier.reset();
        oauth.reset();
        api.setMaxItemsPerRequest(10);
    }

    /** The TLS context of the emulator's self-signed certificate for localhost (also served by {@link ForwardProxy}). */
    static SSLContext serverSslContext() {
        try (InputStream in = MimecastEmulator.class.getClassLoader().getResourceAsStream(KEY_STORE_RESOURCE)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD.toCharArray());
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the emulator's TLS key store", e);
        }
    }

    /**
     * Runs the emulator until the process is stopped, seeded with a demo group of 30 members: from the repository
     * root {@code ./mvnw -q -f camel-mimecast-directory-emulator compile exec:java} (port 8089;
     * {@code -Dexec.args=PORT} for another), or
     * {@code java -cp ... org.apache.camel.component.mimecast.emulator.MimecastEmulator [port]} (0 picks a free one).
     * Prints the component properties of both APIs that point at it.
     */
    public static void main(String[] args) throws InterruptedException {
        MimecastEmulator emulator = builder().port(standalonePort(args)).build().start();
        String group = emulator.directory().createGroup("Demo Group").id();
        emulator.directory().addMembers(group, 30);
        System.out.println("Mimecast emulator listening on " + emulator.baseUrl() + " with group " + group);
        System.out.println("API 1.0 (HMAC):");
        emulator.componentOptions().forEach((k, v) -> System.out.println("  camel.component.mimecast-directory." + k
                                                                           + "=" + v));
        System.out.println("API 2.0 (OAuth 2.0):");
        emulator.oauth2ComponentOptions().forEach((k, v) -> System.out.println("  camel.component.mimecast-directory."
                                                                                 + k + "=" + v));
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The port of the standalone emulator: the first argument (-Dexec.args=PORT), 8089 without one. */
    static int standalonePort(String[] args) {
        if (args.length == 0) {
            return DEFAULT_STANDALONE_PORT;
        }
        int port;
        try {
            port = Integer.parseInt(args[0].trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be a number from 1 to 65535 (0 picks a free one), was '"
                                               + args[0] + "': -Dexec.args=8090 with exec:java");
        }
        return port;
    }

    /** Configures an emulator. */
    public static final class Builder {
        private EmulatorCredentials credentials = EmulatorCredentials.defaults();
        private int port;
        private boolean https;
        private Clock clock = Clock.systemUTC();
        private String clientId = "emulator-client-id";
        private String clientSecret = "emulator-client-secret";
        private final Map<String, String> extraClients = new LinkedHashMap<>();

        /** The API 2.0 client credentials to accept. */
        public Builder oauthClient(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * One more API 2.0 client to accept besides {@link #oauthClient}: give each application (each node of a
         * cluster) its own, and {@link MimecastEmulator#oauthClientOf} tells their calls apart.
         */
        public Builder addOauthClient(String clientId, String clientSecret) {
            extraClients.put(clientId, clientSecret);
            return this;
        }

        /** The credentials to accept; {@link EmulatorCredentials#defaults()} otherwise. */
        public Builder credentials(EmulatorCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serve HTTPS with a self-signed certificate for localhost, trusted by {@link #TRUST_STORE_RESOURCE}. */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /** The server clock against which x-mc-date is checked. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public MimecastEmulator build() {
            return new MimecastEmulator(this);
        }
    }
}
