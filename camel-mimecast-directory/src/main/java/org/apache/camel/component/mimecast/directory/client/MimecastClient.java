package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;
import org.apache.camel.component.mimecast.directory.model.MimecastResponse;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one operation call: signs it, posts it, retries what is safe to retry, honours rate limits and parses the
 * envelope. Thread safe; one per endpoint, sharing the component's connection pool.
 */
public final class MimecastClient {

    private static final Logger LOG = LoggerFactory.getLogger(MimecastClient.class);
    private static final String TOKEN_EXPIRED = "token_expired";

    private final PooledHttpClient http;
    private final RequestAuthenticator authenticator;
    private final String baseUrl;
    private final RetryPolicy retryPolicy;
    private final RequestConfig requestConfig;
    private final ObjectMapper mapper;
    private final ResponseReader reader;
    private final CallGate gate;
    private final RateLimitTracker rateLimits;
    private final int rateLimitReservePercent;
    private final SecretRedactor redactor;
    private final long responseTimeoutMillis;
    private final CallStatistics statistics = new CallStatistics();

    /**
     * @param responseTimeoutMillis the longest one HTTP exchange may take, from connect to the body's last byte
     * @param redactor              masks secrets in every message built from what the server sent
     */
    public MimecastClient(PooledHttpClient http, RequestAuthenticator authenticator, String baseUrl,
                          RetryPolicy retryPolicy, int responseTimeoutMillis, ObjectMapper mapper, CallGate gate,
                          int rateLimitReservePercent, SecretRedactor redactor) {
        this.http = http;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
        this.retryPolicy = retryPolicy;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .build();
        this.mapper = mapper;
        this.reader = new ResponseReader(mapper, redactor);
        this.gate = gate;
        this.rateLimits = gate.rateLimits();
        this.rateLimitReservePercent = rateLimitReservePercent;
        this.redactor = redactor;
    }

    public RateLimitStatus rateLimitStatus() {
        return rateLimits.status();
    }

    public PooledHttpClient httpClient() {
        return http;
    }

    /**
     * Calls an operation once (plus retries) and returns the parsed 2xx envelope. Per item failures in {@code fail[]}
     * are left to the caller; every other failure is thrown. No secret reaches the message of what is thrown.
     *
     * @throws MimecastApiException for a non-2xx status, an unreadable body, an I/O error or a timeout after the
     *                              retries
     */
    public <T> ApiResponse<T> call(MimecastDirectoryOperation operation, MimecastRequest request, Class<T> itemType) {
        try {
            ApiResponse<T> response = callWithRetries(operation, toJson(operation, request), itemType);
            statistics.succeeded(operation.operationName());
            return response;
        } catch (MimecastApiException e) {
            MimecastApiException clean = redactor.redact(e);
            statistics.failed(operation.operationName(), clean.getMessage());
            throw clean;
        }
    }

    /** What this client did lately: calls, failures, the last call and error. */
    public CallStatistics statistics() {
        return statistics;
    }

    /** The redactor of this client: masks every configured secret and issued token in a text. */
    public SecretRedactor redactor() {
        return redactor;
    }

    private <T> ApiResponse<T> callWithRetries(MimecastDirectoryOperation operation, byte[] json, Class<T> itemType) {
        long deadline = System.nanoTime() + retryPolicy.callTimeoutMillis() * 1_000_000L;
        int attempt = 0;
        int credentialRenewals = 0;
        while (true) {
            attempt++;
            AuthenticatedHeaders auth;
            Outcome<T> outcome;
            try (CallGate.Pass pass = gate.enter(operation, rateLimitReservePercent, retryPolicy.maxWaitMillis(),
                    deadline)) {
                // Signed after any wait, so that the signature's date is fresh.
                auth = authenticator.authenticate(operation.path());
                outcome = attemptOnce(operation, json, itemType, auth, deadline);
            }
            // Expired credentials are renewed once, outside the retry budget: the call did not run.
            if (credentialRenewals == 0 && outcome.credentialsRejected()
                    && authenticator.refreshAfterRejection(auth)) {
                credentialRenewals++;
                LOG.debug("Credentials rejected for {} (request id {}): renewing them and sending once more",
                        operation, auth.requestId());
                continue;
            }
            if (outcome.response != null) {
                return new ApiResponse<>(outcome.response, auth.requestId(), attempt, rateLimits.status());
            }
            int retries = attempt - credentialRenewals;
            long wait = outcome.retryAfterMillis >= 0 ? outcome.retryAfterMillis : retryPolicy.backoff(retries);
            if (!outcome.retry || retries > retryPolicy.maxRetries()) {
                throw outcome.error;
            }
            if (wait > retryPolicy.maxWaitMillis()) {
                throw outcome.error.withMessage(outcome.error.getMessage() + ". Not waiting " + wait
                                                + " ms (more than maxRetryWait=" + retryPolicy.maxWaitMillis()
                                                + " ms); retry later");
            }
            if (millisLeft(deadline) <= wait) {
                throw outcome.error.withMessage(outcome.error.getMessage() + ". Not retried: callTimeout="
                                                + retryPolicy.callTimeoutMillis() + " ms would pass first");
            }
            LOG.debug("Retrying {} in {} ms (attempt {} of {}): {}", operation, wait, attempt + 1,
                    retryPolicy.maxRetries() + 1, outcome.error.getMessage());
            sleep(operation, wait);
        }
    }

    private static long millisLeft(long deadlineNanos) {
        return (deadlineNanos - System.nanoTime()) / 1_000_000L;
    }

    private <T> Outcome<T> attemptOnce(
            MimecastDirectoryOperation operation, byte[] json, Class<T> itemType, AuthenticatedHeaders auth,
            long callDeadline) {
        HttpPost post = new HttpPost(baseUrl + operation.path());
        post.setConfig(requestConfig);
        auth.headers().forEach(post::setHeader);
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        long timeout = Math.max(1, Math.min(responseTimeoutMillis, millisLeft(callDeadline)));
        AtomicBoolean expired = new AtomicBoolean();
        Future<?> deadline = CallDeadlines.abortAfter(post, timeout, () -> expired.set(true));
        LOG.debug("POST {} (request id {})", operation.path(), auth.requestId());
        try {
            return http.client().execute(post, response -> readResponse(operation, itemType, auth, response));
        } catch (MimecastApiException e) {
            return Outcome.failure(e, false, -1);
        } catch (IOException e) {
            return expired.get() ? timeoutFailure(operation, auth, timeout, e) : ioFailure(operation, auth, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private <T> Outcome<T> readResponse(
            MimecastDirectoryOperation operation, Class<T> itemType, AuthenticatedHeaders auth,
            ClassicHttpResponse response)
            throws IOException {
        rateLimits.update(response);
        int status = response.getCode();
        byte[] body = ResponseBodies.read(operation, response.getEntity(), auth.requestId(), status);
        String requestId = auth.requestId();
        if (status >= 200 && status < 300) {
            MimecastResponse<T> parsed = reader.readEnvelope(operation, body, itemType, requestId, status);
            return Outcome.success(parsed);
        }
        if (status == 429) {
            long wait = rateLimits.waitAfterRejection(response);
            // A 429 means the call did not run: safe to repeat for writes too.
            return Outcome.failure(reader.errorFor(operation, status, body, requestId, true,
                    "Rate limited; Mimecast asked to wait " + wait + " ms"), true, wait);
        }
        if (status >= 500) {
            boolean retry = operation.isReadOnly();
            // A 503 may say when to come back (RFC 9110); otherwise the usual backoff.
            return Outcome.failure(reader.errorFor(operation, status, body, requestId, true,
                    retry ? null : "Not retried: the write may have been applied"), retry,
                    rateLimits.retryAfterMillis(response));
        }
        return Outcome.failure(reader.errorFor(operation, status, body, requestId, false, adviceFor(status)), false,
                -1);
    }

    private String adviceFor(int status) {
        return switch (status) {
            case 401 -> authenticator.rejectionAdvice();
            case 403 -> "The API user or application lacks a permission such as Directories | Groups | Edit";
            case 418 -> "The access key binding expired: create new keys (set the Authentication Profile TTL to Never"
                        + " Expire)";
            default -> null;
        };
    }

    private <T> Outcome<T> ioFailure(MimecastDirectoryOperation operation, AuthenticatedHeaders auth, IOException e) {
        boolean notSent = e instanceof ConnectException || e instanceof ConnectTimeoutException
                          || e instanceof HttpHostConnectException || e instanceof NoRouteToHostException;
        boolean permanent = e instanceof UnknownHostException || e instanceof SSLException;
        boolean retry = !permanent && (notSent || operation.isReadOnly());
        String what = e instanceof InterruptedIOException ? "timed out" : "failed";
        MimecastApiException error = MimecastApiException.noResponse(
                operation + " " + what + " (request id " + auth.requestId() + "): " + e.getClass().getSimpleName()
                                                              + ": " + redactor.redact(e.getMessage())
                                                              + (retry || notSent || permanent ? ""
                                                                      : ". Not retried: the write may have been applied"),
                operation, auth.requestId(), !permanent, e);
        return Outcome.failure(error, retry, -1);
    }

    private <T> Outcome<T> timeoutFailure(
            MimecastDirectoryOperation operation, AuthenticatedHeaders auth, long timeoutMillis, IOException e) {
        boolean retry = operation.isReadOnly();
        MimecastApiException error = MimecastApiException.noResponse(
                operation + " timed out after " + timeoutMillis + " ms (request id " + auth.requestId()
                                                              + "): the server did not send the whole response in time"
                                                              + " (responseTimeout covers connect, headers and body)"
                                                              + (retry ? "" : ". Not retried: the write may have been applied"),
                operation, auth.requestId(), true, e);
        return Outcome.failure(error, retry, -1);
    }

    static void sleep(MimecastDirectoryOperation operation, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MimecastApiException.noResponse(operation + " interrupted while waiting to retry", operation, null,
                    true, e);
        }
    }

    private byte[] toJson(MimecastDirectoryOperation operation, MimecastRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the " + operation + " request as JSON", e);
        }
    }

    private record Outcome<T>(MimecastResponse<T> response, MimecastApiException error, boolean retry,
            long retryAfterMillis) {

        /** HTTP 401, or an API 2.0 {@code token_expired} failure. */
        boolean credentialsRejected() {
            if (error != null) {
                return error.getHttpStatus() == 401 || error.getErrorCodes().contains(TOKEN_EXPIRED);
            }
            return response.fail().stream().flatMap(f -> f.errors().stream())
                    .anyMatch(e -> TOKEN_EXPIRED.equals(e.code()));
        }

        static <T> Outcome<T> success(MimecastResponse<T> response) {
            return new Outcome<>(response, null, false, -1);
        }

        static <T> Outcome<T> failure(MimecastApiException error, boolean retry, long retryAfterMillis) {
            return new Outcome<>(null, error, retry, retryAfterMillis);
        }
    }

    @Override
    public String toString() {
        return "MimecastClient[" + baseUrl + "]";
    }
}
