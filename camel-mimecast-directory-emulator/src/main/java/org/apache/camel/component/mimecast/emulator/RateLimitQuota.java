package org.apache.camel.component.mimecast.emulator;

import java.time.Clock;

/**
 * A fixed-window call quota like Mimecast's per-user limit: {@code limit} calls per {@code windowMillis}, reported in
 * X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (milliseconds until the window resets).
 */
final class RateLimitQuota {

    private final Clock clock;
    private int limit;
    private long windowMillis;
    private long windowStart = -1;
    private int used;

    RateLimitQuota(Clock clock) {
        this.clock = clock;
    }

    synchronized void configure(int limit, long windowMillis) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.windowStart = -1;
        this.used = 0;
    }

    synchronized boolean enabled() {
        return limit > 0;
    }

    /** Takes one call from the quota; false when it is used up (the call must be answered 429). */
    synchronized boolean tryAcquire() {
        roll();
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }

    synchronized void addHeaders(ApiReply reply) {
        roll();
        reply.withHeader("X-RateLimit-Limit", Integer.toString(limit))
                .withHeader("X-RateLimit-Remaining", Integer.toString(Math.max(0, limit - used)))
                .withHeader("X-RateLimit-Reset", Long.toString(resetMillis()));
    }

    private long resetMillis() {
        return Math.max(0, windowStart + windowMillis - clock.millis());
    }

    private void roll() {
        long now = clock.millis();
        if (windowStart < 0 || now >= windowStart + windowMillis) {
            windowStart = now;
            used = 0;
        }
    }
}
