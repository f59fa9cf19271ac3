package org.apache.camel.component.mimecast.directory;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * Adjusts the Apache HttpClient 5 the component builds, for what its options cannot express: a custom route planner
 * or proxy selector, a client certificate (a TLS strategy on the connection manager), a DNS resolver, socket options.
 * Bind an implementation in the registry and set {@code httpClientConfigurer=#name} (as with camel-http's
 * HttpClientConfigurer). Both methods run after the component applied its own settings (proxy, TLS, connect timeout),
 * so what they set wins; endpoints with different configurer beans never share a connection pool.
 * <p>
 * The component keeps a few settings for itself and applies them after this configurer: the connection manager (one
 * pool per distinct settings, built from the builder passed to {@link #configureConnectionManager}), retries (its own
 * rules, see maxRetries), and the per-attempt request timeouts (responseTimeout, callTimeout).
 */
public interface MimecastHttpClientConfigurer {

    /** Adjusts the builder of the component's connection pool before it is built (once per pool). */
    default void configureConnectionManager(PoolingHttpClientConnectionManagerBuilder builder) {
    }

    /** Adjusts an HttpClient builder before it is built (the component builds a few clients on each pool). */
    default void configureHttpClient(HttpClientBuilder builder) {
    }
}
