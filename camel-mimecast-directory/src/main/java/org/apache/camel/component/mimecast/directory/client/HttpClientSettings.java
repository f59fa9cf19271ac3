package org.apache.camel.component.mimecast.directory.client;

import org.apache.camel.component.mimecast.directory.MimecastHttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * What, besides TLS and the connect timeout, shapes a connection pool and the clients on it: the proxy and the user's
 * configurer. Part of the key under which the component shares pools. Applied by {@link HttpClientFactory} to the pool
 * builder and to every client builder, the configurer last so that what it sets wins.
 *
 * @param configurer the user's hook, or null
 */
public record HttpClientSettings(ProxySettings proxy, MimecastHttpClientConfigurer configurer) {

    /** No proxy and no configurer. */
    public static final HttpClientSettings DIRECT = new HttpClientSettings(ProxySettings.DIRECT, null);

    void configure(PoolingHttpClientConnectionManagerBuilder pool) {
        if (configurer != null) {
            configurer.configureConnectionManager(pool);
        }
    }

    void configure(HttpClientBuilder builder) {
        proxy.configure(builder);
        if (configurer != null) {
            configurer.configureHttpClient(builder);
        }
    }
}
