package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthExchange;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Tells proxy failures apart from Mimecast's answers, per attempt, for every request through a proxy. HttpClient hands
 * back a refused CONNECT as if it were the server's reply (a proxy's 403 would read as a Mimecast permission error)
 * and names a proxy it cannot reach only as a host: this step, placed before HttpClient's protocol step, turns the
 * first into a {@link ProxyRefusedException} and rewrites the second with the proxy named as such, each with the fix.
 * A marker step after HttpClient's connect step records that the request got past the proxy to its target.
 */
final class ProxyErrorHandler implements ExecChainHandler {

    static final String NAME = "mimecast-directory-proxy-errors";
    private static final String TARGET_REACHED = ProxyErrorHandler.class.getName() + ".targetReached";
    private static final int MAX_REASON_LENGTH = 80;

    private final ProxySettings settings;

    private ProxyErrorHandler(ProxySettings settings) {
        this.settings = settings;
    }

    static void install(HttpClientBuilder builder, ProxySettings settings) {
        builder.addExecInterceptorBefore(ChainElement.PROTOCOL.name(), NAME, new ProxyErrorHandler(settings));
        builder.addExecInterceptorAfter(ChainElement.CONNECT.name(), NAME + "-target", (request, scope, chain) -> {
            scope.clientContext.setAttribute(TARGET_REACHED, Boolean.TRUE);
            return chain.proceed(request, scope);
        });
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        HttpHost proxy = scope.route.getProxyHost();
        if (proxy == null) {
            return chain.proceed(request, scope);
        }
        HttpClientContext context = scope.clientContext;
        context.removeAttribute(TARGET_REACHED);
        if (!scope.route.isTunnelled() && settings.hasCredentials()) {
            sendCredentialsAtOnce(context, proxy);
        }
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException e) {
            throw context.getAttribute(TARGET_REACHED) == null ? connectFailure(e, proxy) : e;
        }
        boolean tunnelRefused = context.getAttribute(TARGET_REACHED) == null;
        if (tunnelRefused || response.getCode() == 407) {
            int status = response.getCode();
            String message = response.getCode() == 407
                    ? authenticationRequired(response, proxy, context.getAuthExchange(proxy))
                    : tunnelRefused(response, proxy, scope.route.getTargetHost());
            response.close();
            throw new ProxyRefusedException(message, status);
        }
        return response;
    }

    /**
     * Plain HTTP through the proxy (an http baseUrl; Mimecast itself is HTTPS, tunnelled): the configured Basic
     * credentials go with the request itself. Answering a challenge instead would make HttpClient send the request again
     * with only the headers it was given, without the signature each attempt adds, and Mimecast would refuse it.
     */
    private void sendCredentialsAtOnce(HttpClientContext context, HttpHost proxy) {
        AuthCache cache = context.getAuthCache();
        if (cache == null) {
            cache = new BasicAuthCache();
            context.setAuthCache(cache);
        }
        if (cache.get(proxy) == null) {
            BasicScheme basic = new BasicScheme();
            basic.initPreemptive(settings.credentials());
            cache.put(proxy, basic);
        }
    }

    /** A failure to reach the proxy itself, named as such; the exception's kind (and so its retry rule) is kept. */
    private IOException connectFailure(IOException e, HttpHost proxy) {
        String where = "the proxy " + proxy.toHostString() + " (" + source() + ")";
        IOException named;
        if (e instanceof UnknownHostException) {
            named = new UnknownHostException("Unknown host of " + where + ": check the proxy's host name");
        } else if (e instanceof ConnectTimeoutException) {
            named = new ConnectTimeoutException("Connecting to " + where + " timed out (connectTimeout): "
                                                + reason(e) + ". Check the proxy's address, or whether a firewall drops"
                                                + " the connection");
        } else if (e instanceof NoRouteToHostException) {
            named = new NoRouteToHostException("No route to " + where + ": " + reason(e));
        } else if (e instanceof ConnectException) {
            named = new HttpHostConnectException("Cannot connect to " + where + ": " + reason(e)
                                                 + ". Check that a proxy listens at that address and that this host"
                                                 + " may reach it");
        } else if (e instanceof NoHttpResponseException) {
            named = new NoHttpResponseException(where + " closed the connection without answering");
        } else {
            return e;
        }
        named.initCause(e);
        return named;
    }

    private String authenticationRequired(ClassicHttpResponse response, HttpHost proxy, AuthExchange exchange) {
        boolean rejected = exchange != null && exchange.getState() == AuthExchange.State.FAILURE;
        String fix;
        if (settings.usesSystemProperties()) {
            fix = rejected ? "check the JVM's https.proxyUser and https.proxyPassword (http.* for http)"
                    : "set the JVM's https.proxyUser and https.proxyPassword (http.* for http), or proxyHost, proxyPort,"
                      + " proxyAuthUsername and proxyAuthPassword";
        } else {
            fix = rejected || settings.hasCredentials() ? "check proxyAuthUsername and proxyAuthPassword"
                    : "set proxyAuthUsername and proxyAuthPassword";
        }
        List<String> schemes = challengedSchemes(response);
        String offered = schemes.isEmpty() || schemes.stream().anyMatch(ProxyErrorHandler::answered) ? ""
                : ". It asks for " + String.join(", ", schemes) + ", of which only Basic and Digest are answered (a"
                  + " httpClientConfigurer can register other schemes)";
        return "The proxy " + proxy.toHostString() + " (" + source() + ") "
               + (rejected || settings.hasCredentials() ? "rejected the proxy credentials" : "requires credentials")
               + " (" + statusLine(response) + "): " + fix + offered;
    }

    private String tunnelRefused(ClassicHttpResponse response, HttpHost proxy, HttpHost target) {
        int status = response.getCode();
        String what = "The proxy " + proxy.toHostString() + " (" + source() + ") ";
        if (status == 502 || status == 503 || status == 504) {
            return what + "could not open a tunnel to " + target.toHostString() + " (" + statusLine(response)
                   + "): the proxy could not reach that host; check baseUrl and tokenUrl, or ask the proxy's"
                   + " administrators";
        }
        return what + "refused to open a tunnel (CONNECT) to " + target.toHostString() + " ("
               + statusLine(response) + "): ask the proxy's administrators to allow HTTPS to that host and port"
               + (settings.usesSystemProperties() ? ", or exempt it with http.nonProxyHosts" : "");
    }

    /** Where the proxy was configured, for the fix. */
    private String source() {
        return settings.usesSystemProperties()
                ? "from the JVM's proxy settings, such as https.proxyHost; useSystemProperties=false ignores them"
                : "proxyHost and proxyPort";
    }

    /** The auth scheme names of the challenges, never their parameters. */
    private static List<String> challengedSchemes(ClassicHttpResponse response) {
        List<String> schemes = new ArrayList<>();
        for (Header header : response.getHeaders("Proxy-Authenticate")) {
            String value = header.getValue().strip();
            int space = value.indexOf(' ');
            String scheme = printable(space < 0 ? value : value.substring(0, space));
            if (!scheme.isEmpty() && !schemes.contains(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }

    private static boolean answered(String scheme) {
        String name = scheme.toLowerCase(Locale.ROOT);
        return "basic".equals(name) || "digest".equals(name);
    }

    private static String statusLine(ClassicHttpResponse response) {
        String reason = response.getReasonPhrase() == null ? "" : printable(response.getReasonPhrase());
        return "HTTP " + response.getCode() + (reason.isEmpty() ? "" : " " + reason);
    }

    /** What HttpClient says after the host it tried, e.g. "Connection refused". */
    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int failed = message.lastIndexOf("failed: ");
        return printable(failed < 0 ? message : message.substring(failed + "failed: ".length()));
    }

    /** Text from the network, cut short and without control characters. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > MAX_REASON_LENGTH ? clean.substring(0, MAX_REASON_LENGTH) + "..." : clean;
    }
}
