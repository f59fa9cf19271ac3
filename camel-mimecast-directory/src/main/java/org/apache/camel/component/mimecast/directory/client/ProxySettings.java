package org.apache.camel.component.mimecast.directory.client;

import java.util.Locale;
import java.util.Objects;

import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

/**
 * How calls reach Mimecast: through the proxy the options name (every call, Directory and token requests alike, HTTPS
 * tunnelled with CONNECT so that TLS runs end to end), through the JVM's proxy settings as HttpClient reads them
 * ({@code useSystemProperties}: {@code https.proxyHost}, {@code http.nonProxyHosts}, {@code https.proxyUser} ... by
 * way of the JVM's ProxySelector), or directly. Part of the key of the component's connection pools, so that endpoints
 * with different proxies never share one. Its text never holds the credentials.
 */
public final class ProxySettings {

    /** No proxy, whatever the JVM says. */
    public static final ProxySettings DIRECT = new ProxySettings(null, null, null, false);
    /** The JVM's proxy settings, when it has any. */
    public static final ProxySettings SYSTEM = new ProxySettings(null, null, null, true);

    private final HttpHost proxy;
    private final String username;
    private final String password;
    private final boolean useSystemProperties;

    private ProxySettings(HttpHost proxy, String username, String password, boolean useSystemProperties) {
        this.proxy = proxy;
        this.username = username;
        this.password = password;
        this.useSystemProperties = useSystemProperties;
    }

    /**
     * Checks the proxy options and combines them; every mistake is named with its fix before any call.
     *
     * @param scheme the protocol spoken to the proxy (proxyAuthScheme): http (the default when null) or https
     */
    public static ProxySettings of(String host, Integer port, String scheme, String username, String password,
                                   boolean useSystemProperties) {
        boolean hasUser = isSet(username);
        boolean hasPassword = isSet(password);
        String protocol = isSet(scheme) ? scheme.trim().toLowerCase(Locale.ROOT) : "http";
        if (!"http".equals(protocol) && !"https".equals(protocol)) {
            throw new MimecastValidationException("proxyAuthScheme", "proxyAuthScheme is the protocol spoken to the"
                    + " proxy, http or https (as in camel-http), was " + scheme.trim() + (authMethod(protocol)
                            ? ": Basic or Digest authentication is used by itself when proxyAuthUsername and"
                              + " proxyAuthPassword are set"
                            : ""));
        }
        if (!isSet(host)) {
            if (port != null) {
                throw new MimecastValidationException("proxyHost", "proxyPort is set but proxyHost is not: set"
                        + " proxyHost to the proxy's host name too, e.g. proxyHost=proxy.example.com&proxyPort=" + port);
            }
            if (hasUser || hasPassword) {
                throw new MimecastValidationException("proxyHost", "proxyAuthUsername and proxyAuthPassword need"
                        + " proxyHost and proxyPort (for the JVM's proxy, set https.proxyUser and https.proxyPassword"
                        + " instead)");
            }
            return useSystemProperties ? SYSTEM : DIRECT;
        }
        String name = host.trim();
        if (name.contains("@")) {
            // A URL with user info: never repeat it, the password may be in it.
            throw new MimecastValidationException("proxyHost", "proxyHost is the proxy's host name only, not a URL"
                    + " with credentials: set proxyAuthUsername and proxyAuthPassword for those");
        }
        if (name.contains("/") || (name.indexOf(':') >= 0 && !name.startsWith("["))) {
            throw new MimecastValidationException("proxyHost", "proxyHost is the proxy's host name only, was " + name
                    + ": put the port in proxyPort and the protocol in proxyAuthScheme, e.g."
                    + " proxyHost=proxy.example.com&proxyPort=3128");
        }
        if (port == null) {
            throw new MimecastValidationException("proxyPort", "proxyHost needs proxyPort: set the proxy's port,"
                    + " e.g. proxyHost=" + name + "&proxyPort=3128");
        }
        if (port < 1 || port > 65535) {
            throw new MimecastValidationException("proxyPort", "proxyPort must be from 1 to 65535, was " + port);
        }
        if (hasUser != hasPassword) {
            String missing = hasUser ? "proxyAuthPassword" : "proxyAuthUsername";
            throw new MimecastValidationException(missing, "Proxy credentials need both proxyAuthUsername and"
                    + " proxyAuthPassword: set " + missing + " too");
        }
        return new ProxySettings(new HttpHost(protocol, name, port), hasUser ? username : null,
                hasPassword ? password : null, useSystemProperties);
    }

    /** Sets the route planner and the proxy credentials of a client builder, and the proxy error messages. */
    void configure(HttpClientBuilder builder) {
        if (proxy != null) {
            builder.setProxy(proxy);
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            if (username != null) {
                // Scoped to the proxy: never offered to Mimecast or any other host.
                credentials.setCredentials(new AuthScope(proxy), credentials());
            }
            builder.setDefaultCredentialsProvider(credentials);
        } else if (useSystemProperties) {
            // HttpClient's own reading of the JVM's settings: a SystemDefaultRoutePlanner on the JVM's ProxySelector
            // (https.proxyHost, http.proxyHost, http.nonProxyHosts, java.net.useSystemProxies, read at every call)
            // and a SystemDefaultCredentialsProvider (https.proxyUser/https.proxyPassword, http.*, an Authenticator).
            builder.useSystemProperties();
        }
        ProxyErrorHandler.install(builder, this);
    }

    /** The proxy the options name, or null when the JVM's settings or no proxy apply. */
    public HttpHost proxy() {
        return proxy;
    }

    public boolean hasCredentials() {
        return username != null;
    }

    /** The proxy credentials the options give, or null. */
    UsernamePasswordCredentials credentials() {
        return username == null ? null : new UsernamePasswordCredentials(username, password.toCharArray());
    }

    public boolean usesSystemProperties() {
        return proxy == null && useSystemProperties;
    }

    /** The texts that must never be shown: the password and its HTTP Basic form. */
    public String[] secrets() {
        return password == null ? new String[0] : new String[] { password, username + ":" + password };
    }

    /** The proxy credentials the JVM's system properties hold, to mask wherever they might be echoed. */
    public static String[] systemSecrets() {
        String[] secrets = new String[4];
        int i = 0;
        for (String protocol : new String[] { "https", "http" }) {
            String user = System.getProperty(protocol + ".proxyUser");
            String password = System.getProperty(protocol + ".proxyPassword");
            secrets[i++] = password;
            secrets[i++] = user == null || password == null ? null : user + ":" + password;
        }
        return secrets;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean authMethod(String value) {
        return "basic".equals(value) || "digest".equals(value) || "ntlm".equals(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxySettings that && useSystemProperties == that.useSystemProperties
               && Objects.equals(proxy, that.proxy) && Objects.equals(username, that.username)
               && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proxy, username, password, useSystemProperties);
    }

    /** The proxy and whether it has credentials; never the credentials themselves. */
    @Override
    public String toString() {
        if (proxy == null) {
            return useSystemProperties ? "ProxySettings[the JVM's proxy settings]" : "ProxySettings[direct]";
        }
        return "ProxySettings[" + proxy.toURI() + (username != null ? ", with credentials" : "") + "]";
    }
}
