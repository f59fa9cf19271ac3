package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a Directory call, run by HttpClient inside its retry step: every attempt passes the {@link CallGate}
 * (concurrency and quota of the API user), is signed after any wait (so the signature's date is fresh), is bounded as
 * a whole by responseTimeout or the call's deadline, and updates the shared rate limit state. The body is read within
 * the attempt, so that the deadline covers it and the connection returns to the pool at once. Requests that are not
 * Directory calls pass through.
 */
final class CallAttemptHandler implements ExecChainHandler {

    /** The name of this step in HttpClient's chain. */
    static final String NAME = "mimecast-directory-attempt";

    private static final Logger LOG = LoggerFactory.getLogger(CallAttemptHandler.class);

    private final RequestAuthenticator authenticator;
    private final CallGate gate;
    private final int rateLimitReservePercent;
    private final long maxWaitMillis;
    private final long responseTimeoutMillis;

    CallAttemptHandler(RequestAuthenticator authenticator, CallGate gate, int rateLimitReservePercent,
                       long maxWaitMillis, long responseTimeoutMillis) {
        this.authenticator = authenticator;
        this.gate = gate;
        this.rateLimitReservePercent = rateLimitReservePercent;
        this.maxWaitMillis = maxWaitMillis;
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        CallState call = CallState.of(scope.clientContext);
        if (call == null) {
            return chain.proceed(request, scope);
        }
        try (CallGate.Pass pass = gate.enter(call.operation, rateLimitReservePercent, maxWaitMillis,
                call.latestStartNanos)) {
            AuthenticatedHeaders auth = authenticator.authenticate(call.operation.path());
            auth.headers().forEach(request::setHeader);
            long timeout = Math.max(1, Math.min(responseTimeoutMillis, call.millisLeft()));
            call.auth = auth;
            call.attempts++;
            call.attemptExpired = false;
            call.attemptTimeoutMillis = timeout;
            scope.clientContext.setRequestConfig(RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeout))
                    .setResponseTimeout(Timeout.ofMilliseconds(timeout))
                    .build());
            LOG.debug("POST {} (request id {}, attempt {})", call.operation.path(), auth.requestId(), call.attempts);
            try (CallDeadlines.AttemptDeadline deadline = CallDeadlines.dropConnectionAfter(scope.execRuntime,
                    timeout, () -> call.attemptExpired = true)) {
                ClassicHttpResponse response = proceed(request, scope, chain, call);
                try {
                    gate.rateLimits().update(response);
                    readBody(response, call);
                    return response;
                } catch (IOException | RuntimeException e) {
                    response.close();
                    throw e;
                }
            }
        }
    }

    /**
     * A connection dropped by the deadline between its lease and its use makes HttpClient fail with an unchecked
     * exception (endpoint released, connection null): that is this attempt timing out, told as such so that the
     * retry rules apply.
     */
    private static ClassicHttpResponse proceed(
            ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain, CallState call)
            throws IOException, HttpException {
        try {
            return chain.proceed(request, scope);
        } catch (RuntimeException e) {
            if (!call.attemptExpired && !Thread.currentThread().isInterrupted()) {
                throw e;
            }
            InterruptedIOException timeout = new InterruptedIOException("attempt ended by its deadline");
            timeout.initCause(e);
            throw timeout;
        }
    }

    /** Replaces the streamed body with the bytes read; the content encoding is kept for HttpClient to decode. */
    private static void readBody(ClassicHttpResponse response, CallState call) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return;
        }
        byte[] body = ResponseBodies.read(call.operation, entity, call.requestId(), response.getCode());
        response.setEntity(new ByteArrayEntity(body, ContentType.parseLenient(entity.getContentType()),
                entity.getContentEncoding()));
    }
}
