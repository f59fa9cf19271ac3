package org.apache.camel.component.mimecast.directory.client;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a call through when the API user may make it: fewer than {@code maxConcurrentCalls} in flight, no Retry-After
 * or used-up window in force, and quota left after the calls in flight and the reserve. Shared by every endpoint of one
 * API user, so that threads, routes and endpoints together stay inside Mimecast's per-user quota instead of hitting
 * it. Waits are bounded by maxRetryWait and by the call's latest start; past either the call fails as rate limited (HTTP
 * 429, retryable) without being sent.
 */
public final class CallGate {

    private static final Logger LOG = LoggerFactory.getLogger(CallGate.class);

    private final Semaphore inFlight;
    private final RateLimitTracker rateLimits;

    /**
     * @param maxConcurrentCalls the most calls of this API user in flight at once
     * @param rateLimits         the API user's rate limit state
     */
    public CallGate(int maxConcurrentCalls, RateLimitTracker rateLimits) {
        this.inFlight = new Semaphore(maxConcurrentCalls, true);
        this.rateLimits = rateLimits;
    }

    RateLimitTracker rateLimits() {
        return rateLimits;
    }

    /** One call let through: close it when the call was answered or failed. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until the call may go, then claims a concurrency slot and one call of the quota.
     *
     * @param reservePercent   the share of the quota to leave to other applications of the same API user
     * @param maxWaitMillis    the longest single wait worth waiting for
     * @param latestStartNanos the latest the call may be let through ({@link System#nanoTime()}): later would leave
     *                         it too little of its callTimeout
     */
    Pass enter(MimecastDirectoryOperation operation, int reservePercent, long maxWaitMillis, long latestStartNanos) {
        while (true) {
            awaitUnblocked(operation, rateLimits.millisUntilPermitted(), maxWaitMillis, latestStartNanos);
            acquireSlot(operation, latestStartNanos);
            long quotaWait = rateLimits.tryClaimCall(reservePercent);
            if (quotaWait == 0) {
                return () -> {
                    rateLimits.callEnded();
                    inFlight.release();
                };
            }
            inFlight.release();
            LOG.debug("Mimecast quota of this API user spent (calls in flight and reserve counted): waiting {} ms"
                      + " before {}", quotaWait, operation);
            awaitUnblocked(operation, quotaWait, maxWaitMillis, latestStartNanos);
        }
    }

    private void acquireSlot(MimecastDirectoryOperation operation, long latestStartNanos) {
        try {
            // A free slot is taken even at the latest start; only waiting for one must end by then.
            long left = Math.max(0, latestStartNanos - System.nanoTime());
            if (!inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                throw MimecastApiException.ofRequest(
                        operation + " not sent: no free call slot (maxConcurrentCalls) before callTimeout",
                        operation.operationName(), 0, null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MimecastApiException.noResponse(operation + " interrupted while waiting for a call slot", operation,
                    null, true, e);
        }
    }

    private static void awaitUnblocked(
            MimecastDirectoryOperation operation, long wait, long maxWaitMillis, long latestStartNanos) {
        if (wait <= 0) {
            return;
        }
        long left = (latestStartNanos - System.nanoTime()) / 1_000_000L;
        if (wait > maxWaitMillis || wait > left) {
            throw MimecastApiException.ofRequest(
                    operation + " not sent: the Mimecast rate limit is used up for another " + wait
                                           + " ms (more than maxRetryWait=" + maxWaitMillis
                                           + " ms, or too long to leave the call its responseTimeout, up to a second,"
                                           + " before callTimeout)",
                    operation.operationName(), 429, null, true);
        }
        LOG.debug("Rate limit used up: waiting {} ms before {}", wait, operation);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MimecastApiException.noResponse(operation + " interrupted while waiting for the rate limit",
                    operation, null, true, e);
        }
    }
}
