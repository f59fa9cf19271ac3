package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;

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
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
    private final RateLimitTracker rateLimits;
    private final Sleeper sleeper;

    public MimecastClient(PooledHttpClient http, RequestAuthenticator authenticator, String baseUrl,
                          RetryPolicy retryPolicy, int responseTimeoutMillis, ObjectMapper mapper,
                          RateLimitTracker rateLimits) {
        this(http, authenticator, baseUrl, retryPolicy, responseTimeoutMillis, mapper, rateLimits, Thread::sleep);
    }

    MimecastClient(PooledHttpClient http, RequestAuthenticator authenticator, String baseUrl, RetryPolicy retryPolicy,
                   int responseTimeoutMillis, ObjectMapper mapper, RateLimitTracker rateLimits, Sleeper sleeper) {
        this.http = http;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
        this.retryPolicy = retryPolicy;
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .build();
        this.mapper = mapper;
        this.reader = new ResponseReader(mapper);
        this.rateLimits = rateLimits;
        this.sleeper = sleeper;
    }

    public RateLimitStatus rateLimitStatus() {
        return rateLimits.status();
    }

    public PooledHttpClient httpClient() {
        return http;
    }

    /**
     * Calls an operation once (plus retries) and returns the parsed 2xx envelope. Per item failures in {@code fail[]}
     * are left to the caller; every other failure is thrown.
     *
     * @throws MimecastApiException for a non-2xx status, an unreadable body or an I/O error after the retries
     */
    public <T> ApiResponse<T> call(MimecastDirectoryOperation operation, MimecastRequest request, Class<T> itemType) {
        byte[] json = toJson(operation, request);
        int attempt = 0;
        int credentialRenewals = 0;
        while (true) {
            attempt++;
            awaitRateLimit(operation);
            AuthenticatedHeaders auth = authenticator.authenticate(operation.path());
            Outcome<T> outcome = attemptOnce(operation, json, itemType, auth);
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
                throw new MimecastApiException(
                        outcome.error.getMessage() + ". Not waiting " + wait + " ms (more than maxRetryWait="
                                               + retryPolicy.maxWaitMillis() + " ms); retry later",
                        operation.operationName(), outcome.error.getHttpStatus(), auth.requestId(), true,
                        outcome.error.getFailures(), List.of(), outcome.error.getCause());
            }
            LOG.debug("Retrying {} in {} ms (attempt {} of {}): {}", operation, wait, attempt + 1,
                    retryPolicy.maxRetries() + 1, outcome.error.getMessage());
            sleep(operation, wait);
        }
    }

    private <T> Outcome<T> attemptOnce(
            MimecastDirectoryOperation operation, byte[] json, Class<T> itemType, AuthenticatedHeaders auth) {
        HttpPost post = new HttpPost(baseUrl + operation.path());
        post.setConfig(requestConfig);
        auth.headers().forEach(post::setHeader);
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        LOG.debug("POST {} (request id {})", operation.path(), auth.requestId());
        try {
            return http.client().execute(post, response -> readResponse(operation, itemType, auth, response));
        } catch (MimecastApiException e) {
            return Outcome.failure(e, false, -1);
        } catch (IOException e) {
            return ioFailure(operation, auth, e);
        }
    }

    private <T> Outcome<T> readResponse(
            MimecastDirectoryOperation operation, Class<T> itemType, AuthenticatedHeaders auth,
            ClassicHttpResponse response)
            throws IOException {
        rateLimits.update(response);
        int status = response.getCode();
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        String requestId = auth.requestId();
        if (status >= 200 && status < 300) {
            MimecastResponse<T> parsed = reader.readEnvelope(operation, body, itemType, requestId, status);
            return Outcome.success(parsed);
        }
        if (status == 429) {
            long wait = rateLimitWait(response);
            // A 429 means the call did not run: safe to repeat for writes too.
            return Outcome.failure(reader.errorFor(operation, status, body, requestId, true,
                    "Rate limited; Mimecast asked to wait " + wait + " ms"), true, wait);
        }
        if (status >= 500) {
            boolean retry = operation.isReadOnly();
            return Outcome.failure(reader.errorFor(operation, status, body, requestId, true,
                    retry ? null : "Not retried: the write may have been applied"), retry, -1);
        }
        return Outcome.failure(reader.errorFor(operation, status, body, requestId, false, adviceFor(status)), false,
                -1);
    }

    private <T> Outcome<T> ioFailure(MimecastDirectoryOperation operation, AuthenticatedHeaders auth, IOException e) {
        boolean notSent = e instanceof ConnectException || e instanceof ConnectTimeoutException
                          || e instanceof HttpHostConnectException || e instanceof NoRouteToHostException;
        boolean permanent = e instanceof UnknownHostException || e instanceof SSLException;
        boolean retry = !permanent && (notSent || operation.isReadOnly());
        String what = e instanceof InterruptedIOException ? "timed out" : "failed";
        MimecastApiException error = new MimecastApiException(
                operation + " " + what + " (request id " + auth.requestId() + "): " + e.getClass().getSimpleName()
                                                              + ": " + e.getMessage()
                                                              + (retry || notSent || permanent ? ""
                                                                      : ". Not retried: the write may have been applied"),
                operation.operationName(), 0, auth.requestId(), !permanent, List.of(), List.of(), e);
        return Outcome.failure(error, retry, -1);
    }

    private static String adviceFor(int status) {
        return switch (status) {
            case 401 -> "Check accessKey, secretKey, appId and appKey, and that the server clock is right";
            case 403 -> "The API user lacks a permission such as Directories | Groups | Edit";
            case 418 -> "The access key binding expired: create new keys (set the Authentication Profile TTL to Never"
                        + " Expire)";
            default -> null;
        };
    }

    /** Retry-After (seconds) when present, otherwise X-RateLimit-Reset (milliseconds), otherwise -1. */
    private static long rateLimitWait(ClassicHttpResponse response) {
        Long retryAfterSeconds = RateLimitTracker.longHeader(response, RateLimitTracker.RETRY_AFTER);
        if (retryAfterSeconds != null && retryAfterSeconds >= 0) {
            return retryAfterSeconds * 1000;
        }
        Long reset = RateLimitTracker.longHeader(response, RateLimitTracker.RESET);
        return reset != null && reset >= 0 ? reset : -1;
    }

    private void awaitRateLimit(MimecastDirectoryOperation operation) {
        long wait = rateLimits.millisUntilPermitted();
        if (wait <= 0) {
            return;
        }
        if (wait > retryPolicy.maxWaitMillis()) {
            throw new MimecastApiException(
                    operation + " not sent: the Mimecast rate limit is used up for another " + wait
                                           + " ms (more than maxRetryWait=" + retryPolicy.maxWaitMillis() + " ms)",
                    operation.operationName(), 429, null, true, List.of(), List.of(), null);
        }
        LOG.debug("Rate limit used up: waiting {} ms before {}", wait, operation);
        sleep(operation, wait);
    }

    private void sleep(MimecastDirectoryOperation operation, long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MimecastApiException(operation + " interrupted while waiting to retry",
                    operation.operationName(), 0, null, true, List.of(), List.of(), e);
        }
    }

    private byte[] toJson(MimecastDirectoryOperation operation, MimecastRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the " + operation + " request as JSON", e);
        }
    }

    /** Sleeps; replaced in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
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
