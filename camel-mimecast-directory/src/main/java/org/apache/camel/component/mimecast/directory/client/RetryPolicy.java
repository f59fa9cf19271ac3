package org.apache.camel.component.mimecast.directory.client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before repeating a call, and how long a whole call may take.
 *
 * @param maxRetries        retries after the first attempt
 * @param backoffMillis     the first back-off; doubled per retry, with jitter
 * @param maxWaitMillis     the longest single wait, also the longest rate limit reset worth waiting for
 * @param callTimeoutMillis the longest a call may take with all its attempts and waits; no attempt or wait starts
 *                          that would end later
 */
public record RetryPolicy(int maxRetries, long backoffMillis, long maxWaitMillis, long callTimeoutMillis) {

    private static final long MAX_MILLIS = java.time.Duration.ofDays(1).toMillis();

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        if (backoffMillis < 0 || maxWaitMillis < 0) {
            throw new IllegalArgumentException("retryBackoff and maxRetryWait must be 0 or more");
        }
        if (callTimeoutMillis < 1) {
            throw new IllegalArgumentException("callTimeout must be 1 ms or more, was " + callTimeoutMillis);
        }
        // Beyond a day nothing changes but the arithmetic: deadlines in nanoseconds would overflow.
        maxWaitMillis = Math.min(maxWaitMillis, MAX_MILLIS);
        callTimeoutMillis = Math.min(callTimeoutMillis, MAX_MILLIS);
    }

    /** The back-off before retry number {@code retry} (1-based): exponential, with up to 50% jitter below it. */
    public long backoff(int retry) {
        double exponential = backoffMillis * Math.pow(2, Math.max(0, retry - 1));
        double jittered = exponential * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5);
        return (long) Math.min(maxWaitMillis, jittered);
    }
}
