package org.apache.camel.component.mimecast.directory.client;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.http.HttpResponse;

/**
 * Remembers the rate limit headers Mimecast sent last, so that a client that used up its quota waits for the reset
 * instead of collecting 429 responses.
 */
public final class RateLimitTracker {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";

    private volatile RateLimitStatus last = RateLimitStatus.UNKNOWN;
    // System.nanoTime() before which no call should be made; 0 when not blocked.
    private final AtomicLong blockedUntilNanos = new AtomicLong();

    public RateLimitStatus status() {
        return last;
    }

    void update(HttpResponse response) {
        Integer limit = intHeader(response, LIMIT);
        Integer remaining = intHeader(response, REMAINING);
        Long reset = longHeader(response, RESET);
        if (limit == null && remaining == null && reset == null) {
            return;
        }
        last = new RateLimitStatus(limit, remaining, reset);
        // When the server says Retry-After, that is when the next call may go, whatever the reset of the window.
        Long retryAfterSeconds = longHeader(response, RETRY_AFTER);
        if (retryAfterSeconds != null && retryAfterSeconds >= 0) {
            blockUntil(System.nanoTime() + retryAfterSeconds * 1_000_000_000L);
        } else if (remaining != null && remaining <= 0 && reset != null && reset > 0) {
            blockUntil(System.nanoTime() + reset * 1_000_000L);
        }
    }

    void blockUntil(long nanoTime) {
        blockedUntilNanos.accumulateAndGet(nanoTime, Math::max);
    }

    /** Milliseconds to wait before the next call, 0 when a call may go now. */
    long millisUntilPermitted() {
        long waitNanos = blockedUntilNanos.get() - System.nanoTime();
        return waitNanos <= 0 ? 0 : (waitNanos + 999_999) / 1_000_000;
    }

    static Integer intHeader(HttpResponse response, String name) {
        Long value = longHeader(response, name);
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }

    static Long longHeader(HttpResponse response, String name) {
        var header = response.getFirstHeader(name);
        if (header == null || header.getValue() == null) {
            return null;
        }
        try {
            return (long) Double.parseDouble(header.getValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
