package org.apache.camel.component.mimecast.directory.client;

import java.io.Closeable;

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

    PooledHttpClient(CloseableHttpClient client, PoolingHttpClientConnectionManager connectionManager) {
        this.client = client;
        this.connectionManager = connectionManager;
    }

    public CloseableHttpClient client() {
        return client;
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
