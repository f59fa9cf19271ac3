package org.apache.camel.component.mimecast.directory.client;

import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * What one Directory call has been through so far. It travels in the call's {@link HttpContext}, so that the steps
 * HttpClient runs per attempt ({@link CallAttemptHandler}) and between attempts ({@link MimecastRetryStrategy}) share
 * it. HttpClient runs a call's attempts one after another on the caller's thread; only {@link #attemptExpired} is set
 * from the deadline timer.
 */
final class CallState {

    private static final String ATTRIBUTE = CallState.class.getName();
    /** The least time an attempt is worth starting with: less would only cut a write off half way. */
    private static final long MIN_ATTEMPT_MILLIS = 1000;

    final MimecastDirectoryOperation operation;
    final long deadlineNanos;
    /** No attempt starts later, after any wait: it leaves the attempt responseTimeout, up to a second. */
    final long latestStartNanos;

    /** Attempts sent, credential renewals included. */
    int attempts;
    int credentialRenewals;
    /** The headers of the latest attempt: its request id names the call in messages. */
    AuthenticatedHeaders auth;
    /** The latest attempt outlived its deadline and its connection was dropped. */
    volatile boolean attemptExpired;
    long attemptTimeoutMillis;
    /** The wait before the next attempt, as decided by the retry strategy. */
    long plannedWaitMillis;
    /** Why an otherwise retryable failure was not retried (too long a wait, the deadline), or null. */
    String notRetriedBecause;

    CallState(MimecastDirectoryOperation operation, long callTimeoutMillis, long responseTimeoutMillis) {
        this.operation = operation;
        this.deadlineNanos = System.nanoTime() + callTimeoutMillis * 1_000_000L;
        long minAttemptMillis = Math.min(Math.min(responseTimeoutMillis, MIN_ATTEMPT_MILLIS), callTimeoutMillis);
        this.latestStartNanos = deadlineNanos - minAttemptMillis * 1_000_000L;
    }

    /** The state of the call {@code context} belongs to, or null for requests that are not Directory calls. */
    static CallState of(HttpContext context) {
        return context.getAttribute(ATTRIBUTE) instanceof CallState state ? state : null;
    }

    /** A fresh context carrying this state, for one execution of the call (its retries included). */
    HttpClientContext newContext() {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(ATTRIBUTE, this);
        return context;
    }

    long millisLeft() {
        return (deadlineNanos - System.nanoTime()) / 1_000_000L;
    }

    /** How long a wait may still be before the next attempt would start too late. */
    long millisUntilLatestStart() {
        return (latestStartNanos - System.nanoTime()) / 1_000_000L;
    }

    /** Retries made so far; a credential renewal is not a retry. */
    int retries() {
        return attempts - credentialRenewals;
    }

    String requestId() {
        return auth == null ? null : auth.requestId();
    }
}
