package org.apache.camel.component.mimecast.directory.client;

import java.io.Closeable;

import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;

/**
 * An HTTP client with its connection pool, so that pool statistics can be read (health details, leak tests).
 */
public final class PooledHttpClient implements Closeable {

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connectionManager;
    private final HttpClientSettings settings; // proxy (issue 28)

    PooledHttpClient(CloseableHttpClient client, PoolingHttpClientConnectionManager connectionManager,
                     HttpClientSettings settings) {
        this.client = client;
        this.connectionManager = connectionManager;
        this.settings = settings;
    }

    public CloseableHttpClient client() {
        return client;
    }

    /**
     * A client on the same connection pool whose requests carrying a {@link CallState} are retried by
     * {@code retryStrategy}, each attempt run by {@code attemptHandler}. Closing it leaves the pool open.
     */
    CloseableHttpClient withRetries(MimecastRetryStrategy retryStrategy, CallAttemptHandler attemptHandler) {
        return HttpClientFactory.builder(connectionManager, settings)
                .setConnectionManagerShared(true)
                .setRetryStrategy(retryStrategy)
                .addExecInterceptorAfter(ChainElement.RETRY.name(), CallAttemptHandler.NAME, attemptHandler)
                .build();
    }

    /** Leased, available and pending connections of the pool. */
    public PoolStats poolStats() {
        return connectionManager.getTotalStats();
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
