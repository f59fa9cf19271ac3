package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When HttpClient repeats a Directory call, and after how long. A call is repeated when it certainly did not run (HTTP
 * 429, a connection never made) or when it is a read (5xx, I/O errors, an attempt past its deadline); a write that may
 * have been applied is never repeated. The wait is what the server asked for (Retry-After, the rate limit reset) or
 * the exponential back-off; a repeat is not made when that wait exceeds maxRetryWait or would end after callTimeout,
 * and the reason is kept for the error message. Requests that are not Directory calls (token requests) are never
 * repeated.
 */
final class MimecastRetryStrategy implements HttpRequestRetryStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MimecastRetryStrategy.class);

    private final RetryPolicy policy;
    private final RateLimitTracker rateLimits;

    MimecastRetryStrategy(RetryPolicy policy, RateLimitTracker rateLimits) {
        this.policy = policy;
        this.rateLimits = rateLimits;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        CallState call = CallState.of(context);
        if (call == null) {
            return false;
        }
        int status = response.getCode();
        if (status == 429) {
            // The call did not run: safe to repeat for writes too.
            return mayRetry(call, rateLimits.waitAfterRejection(response), "HTTP 429");
        }
        if (status >= 500 && call.operation.isReadOnly()) {
            // A 503 may say when to come back (RFC 9110); otherwise the back-off.
            return mayRetry(call, rateLimits.retryAfterMillis(response), "HTTP " + status);
        }
        return false;
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        CallState call = CallState.of(context);
        if (call == null || !isRetryable(call, exception)) {
            return false;
        }
        return mayRetry(call, -1, call.attemptExpired ? "timed out" : exception.getClass().getSimpleName());
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return plannedWait(context);
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return plannedWait(context);
    }

    /** Whether a call that failed with {@code exception} may be repeated at all. */
    static boolean isRetryable(CallState call, IOException exception) {
        if (exception instanceof ProxyRefusedException refused) { // proxy (issue 28): only 502/503/504 may pass later
            return refused.isRetryable();
        }
        if (isNeverSent(exception)) {
            return true;
        }
        if (call.attemptExpired) {
            return call.operation.isReadOnly();
        }
        return !isPermanent(exception) && (isNeverSent(exception) || call.operation.isReadOnly());
    }

    /** The request never reached the server: no pooled connection was free, or the connection was not made. */
    static boolean isNeverSent(IOException exception) {
        return exception instanceof ConnectionRequestTimeoutException || exception instanceof ConnectException || exception instanceof ConnectTimeoutException
               || exception instanceof HttpHostConnectException || exception instanceof NoRouteToHostException;
    }

    /** Repeating cannot help: an unknown host or a TLS failure. */
    static boolean isPermanent(IOException exception) {
        return exception instanceof UnknownHostException || exception instanceof SSLException
               || exception instanceof ProxyRefusedException refused && !refused.isRetryable(); // proxy (issue 28)
    }

    private boolean mayRetry(CallState call, long serverWaitMillis, String cause) {
        int retries = call.retries();
        if (retries > policy.maxRetries() || Thread.currentThread().isInterrupted()) {
            return false;
        }
        long wait = serverWaitMillis >= 0 ? serverWaitMillis : policy.backoff(retries);
        if (wait > policy.maxWaitMillis()) {
            call.notRetriedBecause = "Not waiting " + wait + " ms (more than maxRetryWait=" + policy.maxWaitMillis()
                                     + " ms); retry later";
            return false;
        }
        if (wait > call.millisUntilLatestStart()) {
            call.notRetriedBecause = "Not retried: callTimeout=" + policy.callTimeoutMillis() + " ms would pass first";
            return false;
        }
        call.plannedWaitMillis = wait;
        LOG.debug("Retrying {} in {} ms (attempt {} of {}): {} (request id {})", call.operation, wait, retries + 1,
                policy.maxRetries() + 1, cause, call.requestId());
        return true;
    }

    private static TimeValue plannedWait(HttpContext context) {
        CallState call = CallState.of(context);
        return call == null ? TimeValue.ZERO_MILLISECONDS : TimeValue.ofMilliseconds(call.plannedWaitMillis);
    }
}
