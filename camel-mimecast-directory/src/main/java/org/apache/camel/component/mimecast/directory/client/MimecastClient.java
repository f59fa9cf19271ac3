package org.apache.camel.component.mimecast.directory.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;
import org.apache.camel.component.mimecast.directory.model.MimecastResponse;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one operation call and parses the envelope, in one explicit loop: wait for the API user's quota and a call
 * slot, sign, send (the whole exchange bounded by the attempt's deadline), let {@link RetryRules} classify the outcome,
 * then wait and go round again or return. HttpClient itself never repeats a request. Thread safe; one per endpoint.
 */
public final class MimecastClient {

    private static final Logger LOG = LoggerFactory.getLogger(MimecastClient.class);
    private static final String TOKEN_EXPIRED = "token_expired";
    private static final String NOT_RETRIED_WRITE = "Not retried: the write may have been applied";
    /**
     * The deadline of an attempt ends this long after its pool and read timeouts: a request that found no pooled
     * connection in time then fails as "not sent" (safe to repeat) rather than as a timeout of unknown fate.
     */
    private static final long LEASE_GRACE_MILLIS = 100;
    /** The least time an attempt is worth starting with: less would only cut a write off half way. */
    private static final long MIN_ATTEMPT_MILLIS = 1000;

    private final CallResources resources;
    private final RequestAuthenticator authenticator;
    private final String baseUrl;
    private final RetryPolicy policy;
    private final long responseTimeoutMillis;
    private final int rateLimitReservePercent;
    private final ObjectMapper mapper;
    private final ResponseReader reader;
    private final SecretRedactor redactor;
    private final CallStatistics statistics = new CallStatistics();

    /**
     * What the clients of one API user share: the connection pool, the calls in flight (maxConcurrentCalls), the
     * quota and the timer of attempt deadlines.
     */
    public record CallResources(PooledHttpClient http, Semaphore callSlots, ApiUserQuota quota,
            AttemptDeadlines deadlines) {
    }

    /**
     * @param responseTimeoutMillis   the longest one HTTP exchange may take, from connect to the body's last byte
     * @param rateLimitReservePercent the share of the quota left to other applications of the API user
     * @param redactor                masks secrets in every message built from what the server sent
     */
    public MimecastClient(CallResources resources, RequestAuthenticator authenticator, String baseUrl,
                          RetryPolicy policy, int responseTimeoutMillis, int rateLimitReservePercent,
                          ObjectMapper mapper, SecretRedactor redactor) {
        this.resources = resources;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
        this.policy = policy;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.rateLimitReservePercent = rateLimitReservePercent;
        this.mapper = mapper;
        this.reader = new ResponseReader(mapper, redactor);
        this.redactor = redactor;
    }

    public RateLimitStatus rateLimitStatus() {
        return resources.quota().status();
    }

    /** The connection pool this client calls on (its statistics: leased, available, pending). */
    public PooledHttpClient httpClient() {
        return resources.http();
    }

    /** What this client did lately: calls, failures, the last call and error. */
    public CallStatistics statistics() {
        return statistics;
    }

    /** The redactor of this client: masks every configured secret and issued token in a text. */
    public SecretRedactor redactor() {
        return redactor;
    }

    /**
     * Calls an operation (with the repeats {@link RetryRules} allow) and returns the parsed 2xx envelope. Per item
     * failures in {@code fail[]} are left to the caller; every other failure is thrown. No secret reaches the message
     * of what is thrown.
     *
     * @throws MimecastApiException for a refused status, an unreadable body, an I/O error or a timeout after the
     *                              repeats, or a call that could not be sent within callTimeout
     */
    public <T> ApiResponse<T> call(MimecastDirectoryOperation operation, MimecastRequest request, Class<T> itemType) {
        long started = System.nanoTime();
        Call<T> call = new Call<>(operation, toJson(operation, request), itemType);
        try {
            ApiResponse<T> response = call.run();
            statistics.succeeded(operation.operationName(), call.attempts, System.nanoTime() - started);
            return response;
        } catch (MimecastApiException e) {
            MimecastApiException clean = redactor.redact(e);
            statistics.failed(operation.operationName(), clean.getMessage(), call.attempts,
                    System.nanoTime() - started);
            throw clean;
        }
    }

    /** One call: its attempts, one after another on the caller's thread. */
    private final class Call<T> {
        final MimecastDirectoryOperation operation;
        final byte[] json;
        final Class<T> itemType;
        final long deadlineNanos;
        /** No attempt starts later, after any wait: it leaves the attempt responseTimeout, up to a second. */
        final long latestStartNanos;
        int attempts;
        int failures;
        boolean renewed;
        /** An earlier attempt of this call may have been applied: a repeat may find it done. */
        boolean repeatedAfterUnknownFate;
        /** The last 429 of this call: what the server said, for the message when the wait cannot be made. */
        MimecastApiException lastRateLimited;

        Call(MimecastDirectoryOperation operation, byte[] json, Class<T> itemType) {
            this.operation = operation;
            this.json = json;
            this.itemType = itemType;
            long callTimeout = policy.callTimeoutMillis();
            this.deadlineNanos = System.nanoTime() + callTimeout * 1_000_000L;
            long minAttempt = Math.min(Math.min(responseTimeoutMillis, MIN_ATTEMPT_MILLIS), callTimeout);
            this.latestStartNanos = deadlineNanos - minAttempt * 1_000_000L;
        }

        ApiResponse<T> run() {
            while (true) {
                Attempt<T> attempt = send();
                RetryRules.Decision decision = attempt.decision();
                switch (decision.action()) {
                    case DONE:
                        return done(attempt);
                    case RENEW_CREDENTIALS:
                        if (!renewed && attempt.auth() != null && authenticator.refreshAfterRejection(attempt.auth())) {
                            renewed = true;
                            LOG.debug("Credentials rejected for {} (request id {}): renewing them and sending once"
                                      + " more", operation, attempt.requestId());
                            continue;
                        }
                        if (attempt.error() == null) {
                            return done(attempt);
                        }
                        throw attempt.error();
                    case WAIT_FOR_QUOTA:
                        lastRateLimited = attempt.error();
                        statistics.rateLimited();
                        LOG.debug("{} rate limited (request id {}): sending again when the quota allows", operation,
                                attempt.requestId());
                        continue;
                    case RETRY:
                        repeatedAfterUnknownFate |= decision.mayHaveBeenApplied();
                        backOff(attempt);
                        continue;
                    default:
                        throw decision.mayHaveBeenApplied()
                                ? attempt.error().mayHaveBeenApplied(attempt.error().getMessage() + ". " + NOT_RETRIED_WRITE)
                                : attempt.error();
                }
            }
        }

        private ApiResponse<T> done(Attempt<T> attempt) {
            return new ApiResponse<>(attempt.response(), attempt.requestId(), attempts, rateLimitStatus(),
                    repeatedAfterUnknownFate);
        }

        /** Waits before repeating a failed attempt, or ends the call when no repeat is left or fits. */
        private void backOff(Attempt<T> attempt) {
            failures++;
            MimecastApiException error = attempt.error();
            if (failures > policy.maxRetries()) {
                throw error.withMessage(error.getMessage() + " (" + attempts + " attempts)");
            }
            // A 503 may say when to come back (RFC 9110); otherwise the exponential back-off.
            long wait = attempt.retryAfterMillis() >= 0 ? attempt.retryAfterMillis() : policy.backoff(failures);
            if (wait > policy.maxWaitMillis()) {
                throw error.withMessage(error.getMessage() + ". Not waiting " + wait + " ms (more than maxRetryWait="
                                        + policy.maxWaitMillis() + " ms); retry later");
            }
            if (wait > (latestStartNanos - System.nanoTime()) / 1_000_000L) {
                throw error.withMessage(error.getMessage() + ". Not retried: callTimeout=" + policy.callTimeoutMillis()
                                        + " ms would pass first");
            }
            LOG.debug("Retrying {} in {} ms (failure {} of at most {}): {}", operation, wait, failures,
                    policy.maxRetries(), error.getMessage());
            statistics.retried();
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MimecastApiException.noResponse(operation + " interrupted while waiting to retry (request id "
                                                      + attempt.requestId() + ")", operation, attempt.requestId(),
                        true, e);
            }
        }

        /** One attempt: quota, call slot, signature, the exchange within its deadline, and its classification. */
        private Attempt<T> send() {
            ApiUserQuota quota = resources.quota();
            ApiUserQuota.Permit permit;
            try {
                permit = quota.acquire(operation, rateLimitReservePercent, policy.maxWaitMillis(), latestStartNanos,
                        attempts == 0);
            } catch (MimecastApiException notSent) {
                throw lastRateLimited == null ? notSent
                        : lastRateLimited.withMessage(lastRateLimited.getMessage() + ". " + notSent.getMessage());
            }
            try {
                acquireSlot();
                try {
                    return exchange(permit);
                } finally {
                    resources.callSlots().release();
                }
            } finally {
                quota.ended(permit);
            }
        }

        private void acquireSlot() {
            try {
                // A free slot is taken even at the latest start; only waiting for one must end by then.
                long left = Math.max(0, latestStartNanos - System.nanoTime());
                if (!resources.callSlots().tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw MimecastApiException.ofRequest(
                            operation + " not sent: no free call slot (maxConcurrentCalls) before callTimeout",
                            operation.operationName(), 0, null, true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MimecastApiException.noResponse(operation + " interrupted while waiting for a call slot",
                        operation, null, true, e);
            }
        }

        private Attempt<T> exchange(ApiUserQuota.Permit permit) {
            AuthenticatedHeaders auth = authenticator.authenticate(operation.path());
            attempts++;
            long timeout = Math.max(1, Math.min(responseTimeoutMillis, (deadlineNanos - System.nanoTime()) / 1_000_000L));
            HttpPost post = new HttpPost(baseUrl + operation.path());
            post.setHeader("Accept", "application/json");
            auth.headers().forEach(post::setHeader);
            post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
            post.setConfig(RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeout))
                    .setResponseTimeout(Timeout.ofMilliseconds(timeout))
                    .build());
            LOG.debug("POST {} (request id {}, attempt {})", operation.path(), auth.requestId(), attempts);
            AttemptDeadlines.Deadline deadline;
            try {
                deadline = resources.deadlines().start(post, timeout + LEASE_GRACE_MILLIS);
            } catch (RejectedExecutionException e) {
                throw MimecastApiException.noResponse(operation + " not sent: the component is stopping", operation,
                        auth.requestId(), true, e);
            }
            try (deadline) {
                try (ClassicHttpResponse response = resources.http().client().executeOpen(null, post, null)) {
                    resources.quota().answered(permit, response, n -> policy.backoff((int) Math.min(n, 30)));
                    int status = response.getCode();
                    try {
                        byte[] body = ResponseBodies.read(operation, response.getEntity(), auth.requestId(), status);
                        // Only a 5xx's Retry-After is the call's own (the quota read a 429's already).
                        return answered(auth, status, body,
                                status >= 500 ? resources.quota().retryAfterMillis(response) : -1);
                    } catch (MimecastApiException unreadable) {
                        return unreadable(auth, status, unreadable);
                    }
                } catch (IOException e) {
                    return noAnswer(auth, e, deadline.expired(), timeout);
                } catch (IllegalStateException e) {
                    // The pool was shut down under the call: the component stops. Nothing was sent.
                    throw MimecastApiException.noResponse(operation + " not sent: the component is stopping",
                            operation, auth.requestId(), true, e);
                } catch (RuntimeException e) {
                    // HttpClient's own unchecked failures (a reply it cannot parse, a connection dropped by the
                    // deadline between its lease and its use): no usable answer.
                    IOException failure = new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                    return noAnswer(auth, failure, deadline.expired(), timeout);
                }
            }
        }

        private Attempt<T> answered(AuthenticatedHeaders auth, int status, byte[] body, long retryAfterMillis) {
            String requestId = auth.requestId();
            if (status >= 200 && status < 300) {
                MimecastResponse<T> parsed;
                try {
                    parsed = reader.readEnvelope(operation, body, itemType, requestId, status);
                } catch (MimecastApiException unreadable) {
                    return unreadable(auth, status, unreadable);
                }
                return new Attempt<>(auth, parsed, null, -1,
                        RetryRules.afterAnswer(operation, status, credentialsExpired(parsed)));
            }
            MimecastApiException error = status == 429
                    ? reader.errorFor(operation, status, body, requestId, true, "Rate limited")
                    : reader.errorFor(operation, status, body, requestId, status >= 500, adviceFor(status));
            return new Attempt<>(auth, null, error, retryAfterMillis, RetryRules.afterAnswer(operation, status, false));
        }

        /**
         * A reply whose body cannot be read (empty, not JSON, not the envelope, too large): for a 2xx the server may
         * have applied a write, so it is repeated only where that is harmless, and otherwise reported as "may have
         * been applied", never as retryable.
         */
        private Attempt<T> unreadable(AuthenticatedHeaders auth, int status, MimecastApiException error) {
            if (status < 200 || status >= 300) {
                return new Attempt<>(auth, null, error, -1, RetryRules.afterAnswer(operation, status, false));
            }
            RetryRules.Decision decision = RetryRules.afterUnreadableSuccess(operation);
            MimecastApiException reported = operation.isIdempotent() ? error
                    : MimecastApiException.ofRequest(error.getMessage(), operation.operationName(), status,
                            auth.requestId(), false);
            return new Attempt<>(auth, null, reported, -1, decision);
        }

        private Attempt<T> noAnswer(AuthenticatedHeaders auth, IOException e, boolean expired, long timeout) {
            boolean interrupted = Thread.currentThread().isInterrupted();
            String requestId = auth.requestId();
            MimecastApiException error;
            if (interrupted) {
                error = MimecastApiException.noResponse(operation + " interrupted (request id " + requestId + ")",
                        operation, requestId, true, e);
            } else if (e instanceof ConnectionRequestTimeoutException) {
                error = MimecastApiException.noResponse(
                        operation + " not sent (request id " + requestId + "): no pooled connection was free within "
                                                        + timeout + " ms (the component's pool is shared by its"
                                                        + " endpoints; lower maxConcurrentCalls or the number of"
                                                        + " concurrent routes)",
                        operation, requestId, true, e);
            } else if (expired || e instanceof java.net.SocketTimeoutException) {
                error = MimecastApiException.noResponse(
                        operation + " timed out after " + timeout + " ms (request id " + requestId + "): the server"
                                                        + " did not send the whole response in time (responseTimeout"
                                                        + " covers connect, headers and body)",
                        operation, requestId, true, e);
            } else {
                String what = e instanceof InterruptedIOException ? "timed out" : "failed";
                error = MimecastApiException.noResponse(
                        operation + " " + what + " (request id " + requestId + "): " + e.getClass().getSimpleName()
                                                        + ": " + redactor.redact(e.getMessage()),
                        operation, requestId, !RetryRules.isPermanent(e), e);
            }
            return new Attempt<>(auth, null, error, -1, RetryRules.afterNoAnswer(operation, e, interrupted));
        }
    }

    /**
     * What one attempt came to.
     *
     * @param response         the parsed 2xx envelope, or null
     * @param error            the failure, or null for a 2xx
     * @param retryAfterMillis the Retry-After of a 5xx, or -1
     */
    private record Attempt<T>(AuthenticatedHeaders auth, MimecastResponse<T> response, MimecastApiException error,
            long retryAfterMillis, RetryRules.Decision decision) {

        String requestId() {
            return auth == null ? null : auth.requestId();
        }
    }

    /** API 2.0 {@code token_expired} on every failure and nothing applied: sending again repeats nothing. */
    private static boolean credentialsExpired(MimecastResponse<?> response) {
        return !response.fail().isEmpty() && response.data().isEmpty()
               && response.fail().stream().allMatch(f -> !f.errors().isEmpty()
                                                         && f.errors().stream()
                                                                 .allMatch(e -> TOKEN_EXPIRED.equals(e.code())));
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

    private byte[] toJson(MimecastDirectoryOperation operation, MimecastRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the " + operation + " request as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "MimecastClient[" + baseUrl + "]";
    }
}
