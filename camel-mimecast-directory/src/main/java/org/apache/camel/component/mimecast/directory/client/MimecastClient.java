package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.io.InterruptedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;
import org.apache.camel.component.mimecast.directory.model.MimecastResponse;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one operation call and parses the envelope. HttpClient's chain does the rest on the component's connection
 * pool: {@link CallAttemptHandler} gates, signs and bounds each attempt, {@link MimecastRetryStrategy} decides what
 * is repeated and when. Expired credentials are renewed here, once per call. Thread safe; one per endpoint.
 */
public final class MimecastClient {

    private static final Logger LOG = LoggerFactory.getLogger(MimecastClient.class);
    private static final String TOKEN_EXPIRED = "token_expired";

    private static final String NOT_RETRIED_WRITE = "Not retried: the write may have been applied";

    private final PooledHttpClient http;
    private final CloseableHttpClient retryingHttp;
    private final RequestAuthenticator authenticator;
    private final String baseUrl;
    private final RetryPolicy retryPolicy;
    private final ObjectMapper mapper;
    private final ResponseReader reader;
    private final RateLimitTracker rateLimits;
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
        this.mapper = mapper;
        this.reader = new ResponseReader(mapper, redactor);
        this.rateLimits = gate.rateLimits();
        this.redactor = redactor;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.retryingHttp = http.withRetries(new MimecastRetryStrategy(retryPolicy, rateLimits),
                new CallAttemptHandler(authenticator, gate, rateLimitReservePercent, retryPolicy.maxWaitMillis(),
                        responseTimeoutMillis));
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
        CallState call = new CallState(operation, retryPolicy.callTimeoutMillis(), responseTimeoutMillis);
        Outcome<T> outcome = send(call, json, itemType);
        // Expired credentials are renewed once, outside the retry budget: the call did not run. (No headers: the
        // credentials could not even be obtained, nothing to renew.)
        if (call.auth != null && outcome.credentialsRejected() && authenticator.refreshAfterRejection(call.auth)) {
            LOG.debug("Credentials rejected for {} (request id {}): renewing them and sending once more", operation,
                    call.requestId());
            call.credentialRenewals++;
            outcome = send(call, json, itemType);
        }
        if (outcome.error != null) {
            throw call.notRetriedBecause == null ? outcome.error
                    : outcome.error.withMessage(outcome.error.getMessage() + ". " + call.notRetriedBecause);
        }
        return new ApiResponse<>(outcome.response, call.requestId(), call.attempts, rateLimits.status());
    }

    /** Sends the call, with the retries {@link MimecastRetryStrategy} allows, and reads the last answer. */
    private <T> Outcome<T> send(CallState call, byte[] json, Class<T> itemType) {
        MimecastDirectoryOperation operation = call.operation;
        HttpPost post = new HttpPost(baseUrl + operation.path());
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        call.notRetriedBecause = null;
        try {
            return retryingHttp.execute(post, call.newContext(), response -> readResponse(call, itemType, response));
        } catch (MimecastApiException e) {
            return Outcome.failure(e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return Outcome.failure(MimecastApiException.noResponse(
                        operation + " interrupted (request id " + call.requestId() + ")", operation, call.requestId(),
                        true, e));
            }
            boolean timedOut = call.attemptExpired && !MimecastRetryStrategy.isNeverSent(e);
            return Outcome.failure(timedOut ? timeoutFailure(call, e) : ioFailure(call, e));
        } catch (RuntimeException e) {
            // HttpClient's own unchecked failures (a broken reply it cannot parse, a connection in a bad state)
            boolean retryable = operation.isReadOnly();
            return Outcome.failure(MimecastApiException.noResponse(
                    operation + " failed (request id " + call.requestId() + "): " + e.getClass().getSimpleName() + ": "
                                                                   + redactor.redact(e.getMessage())
                                                                   + unlessRetryable(retryable),
                    operation, call.requestId(), retryable, e));
        }
    }

    private <T> Outcome<T> readResponse(CallState call, Class<T> itemType, ClassicHttpResponse response)
            throws IOException {
        MimecastDirectoryOperation operation = call.operation;
        int status = response.getCode();
        String requestId = call.requestId();
        byte[] body = ResponseBodies.read(operation, response.getEntity(), requestId, status);
        if (status >= 200 && status < 300) {
            return Outcome.success(reader.readEnvelope(operation, body, itemType, requestId, status));
        }
        if (status == 429) {
            return Outcome.failure(reader.errorFor(operation, status, body, requestId, true,
                    "Rate limited; Mimecast asked to wait " + rateLimits.waitAfterRejection(response) + " ms"));
        }
        if (status >= 500) {
            return Outcome.failure(reader.errorFor(operation, status, body, requestId, true,
                    operation.isReadOnly() ? null : NOT_RETRIED_WRITE));
        }
        return Outcome.failure(reader.errorFor(operation, status, body, requestId, false, adviceFor(status)));
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

    private MimecastApiException ioFailure(CallState call, IOException e) {
        if (e instanceof ConnectionRequestTimeoutException) {
            return MimecastApiException.noResponse(
                    call.operation + " not sent (request id " + call.requestId() + "): no pooled connection was free"
                                                   + " within " + call.attemptTimeoutMillis + " ms (the component's"
                                                   + " pool is shared by its endpoints; lower maxConcurrentCalls or"
                                                   + " the number of concurrent routes)",
                    call.operation, call.requestId(), true, e);
        }
        boolean permanent = MimecastRetryStrategy.isPermanent(e);
        boolean retryable = MimecastRetryStrategy.isRetryable(call, e);
        String what = e instanceof InterruptedIOException ? "timed out" : "failed";
        return MimecastApiException.noResponse(
                call.operation + " " + what + " (request id " + call.requestId() + "): " + e.getClass().getSimpleName()
                                               + ": " + redactor.redact(e.getMessage())
                                               + unlessRetryable(retryable || permanent),
                call.operation, call.requestId(), !permanent, e);
    }

    private static MimecastApiException timeoutFailure(CallState call, IOException e) {
        boolean retryable = MimecastRetryStrategy.isRetryable(call, e);
        return MimecastApiException.noResponse(
                call.operation + " timed out after " + call.attemptTimeoutMillis + " ms (request id "
                                               + call.requestId()
                                               + "): the server did not send the whole response in time"
                                               + " (responseTimeout covers connect, headers and body)"
                                               + unlessRetryable(retryable),
                call.operation, call.requestId(), true, e);
    }

    /** What to add to the message of a failed write that is not repeated because it may have been applied. */
    private static String unlessRetryable(boolean retryable) {
        return retryable ? "" : ". " + NOT_RETRIED_WRITE;
    }

    private byte[] toJson(MimecastDirectoryOperation operation, MimecastRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the " + operation + " request as JSON", e);
        }
    }

    private record Outcome<T>(MimecastResponse<T> response, MimecastApiException error) {

        /**
         * HTTP 401, or API 2.0 {@code token_expired} failures and nothing applied: sending again must not repeat an
         * item that was applied.
         */
        boolean credentialsRejected() {
            if (error != null) {
                return error.getHttpStatus() == 401 || error.getErrorCodes().contains(TOKEN_EXPIRED);
            }
            return !response.fail().isEmpty() && response.data().isEmpty()
                   && response.fail().stream().allMatch(f -> !f.errors().isEmpty()
                                                             && f.errors().stream()
                                                                     .allMatch(e -> TOKEN_EXPIRED.equals(e.code())));
        }

        static <T> Outcome<T> success(MimecastResponse<T> response) {
            return new Outcome<>(response, null);
        }

        static <T> Outcome<T> failure(MimecastApiException error) {
            return new Outcome<>(null, error);
        }
    }

    @Override
    public String toString() {
        return "MimecastClient[" + baseUrl + "]";
    }
}
