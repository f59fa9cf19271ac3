package org.apache.camel.component.mimecast.directory.client;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the pooled Apache HttpClient 5 used for every call. Redirects and cookies are off: Mimecast answers POSTs
 * directly. HttpClient's automatic retries are off too: {@link MimecastClient}'s call loop alone decides what is
 * repeated.
 */
public final class HttpClientFactory {

    /** Connections per host; enough for concurrent routes without exhausting a Mimecast quota. */
    public static final int MAX_CONNECTIONS = 32;

    private HttpClientFactory() {
    }

    /**
     * @param connectTimeoutMillis the connect timeout
     * @param sslContext           the TLS context, or null for the JVM default (certificate and host name checked)
     */
    public static PooledHttpClient create(int connectTimeoutMillis, SSLContext sslContext) {
        return create(connectTimeoutMillis, sslContext, HttpClientSettings.DIRECT);
    }

    /** @param settings the proxy and the user's configurer */
    public static PooledHttpClient create(int connectTimeoutMillis, SSLContext sslContext, HttpClientSettings settings) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                        .build());
        if (sslContext != null) {
            pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic());
        }
        settings.configure(pool);
        PoolingHttpClientConnectionManager connectionManager = pool.build();
        CloseableHttpClient client = builder(connectionManager, settings).disableAutomaticRetries().build();
        return new PooledHttpClient(client, connectionManager);
    }

    private static HttpClientBuilder builder(PoolingHttpClientConnectionManager connectionManager,
                                             HttpClientSettings settings) {
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-mimecast-directory");
        settings.configure(builder);
        return builder;
    }
}
