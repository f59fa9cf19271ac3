package org.apache.camel.component.mimecast.directory.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.http.HttpResponse;

/**
 * Remembers the rate limit headers Mimecast sent last, so that a client that used up its quota waits for the reset
 * instead of collecting 429 responses. Every wait a server asks for is capped at {@link #MAX_SERVER_WAIT_MILLIS}: no
 * single response can make the client wait longer than Mimecast's documented window (an hour), however large, negative
 * or malformed its headers are.
 */
public final class RateLimitTracker {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    /** Mimecast's quotas are hourly: no response may ask for a longer wait. */
    public static final long MAX_SERVER_WAIT_MILLIS = Duration.ofHours(1).toMillis();

    private final Clock clock;
    private volatile RateLimitStatus last = RateLimitStatus.UNKNOWN;
    // System.nanoTime() before which no call should be made; 0 when not blocked.
    private final AtomicLong blockedUntilNanos = new AtomicLong();

    public RateLimitTracker() {
        this(Clock.systemUTC());
    }

    RateLimitTracker(Clock clock) {
        this.clock = clock;
    }

    public RateLimitStatus status() {
        return last;
    }

    void update(HttpResponse response) {
        // When the server says Retry-After, that is when the next call may go, whatever the reset of the window.
        long retryAfter = retryAfterMillis(response);
        if (retryAfter >= 0) {
            blockFor(retryAfter);
        }
        Integer limit = intHeader(response, LIMIT);
        Integer remaining = intHeader(response, REMAINING);
        Long reset = longHeader(response, RESET);
        if (limit == null && remaining == null && reset == null) {
            return;
        }
        last = new RateLimitStatus(limit, remaining, reset);
        if (retryAfter < 0 && remaining != null && remaining <= 0 && reset != null && reset > 0) {
            blockFor(capped(reset));
        }
    }

    /**
     * The wait a 429 response asks for: Retry-After (delay-seconds or an HTTP-date, RFC 9110) when present, otherwise
     * X-RateLimit-Reset (milliseconds), otherwise -1. Capped at an hour.
     */
    long waitAfterRejection(HttpResponse response) {
        long retryAfter = retryAfterMillis(response);
        if (retryAfter >= 0) {
            return retryAfter;
        }
        Long reset = longHeader(response, RESET);
        return reset != null && reset >= 0 ? capped(reset) : -1;
    }

    /** Retry-After in milliseconds (0 for a date in the past), or -1 when absent or unreadable. */
    long retryAfterMillis(HttpResponse response) {
        var header = response.getFirstHeader(RETRY_AFTER);
        if (header == null || header.getValue() == null || header.getValue().isBlank()) {
            return -1;
        }
        String value = header.getValue().trim();
        if (value.chars().allMatch(Character::isDigit)) {
            // Digits only, as RFC 9110 says; a huge number is capped rather than overflowed.
            return value.length() > 9 ? MAX_SERVER_WAIT_MILLIS : capped(Long.parseLong(value) * 1000);
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return capped(Duration.between(clock.instant(), at.toInstant()).toMillis());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private static long capped(long millis) {
        return Math.max(0, Math.min(MAX_SERVER_WAIT_MILLIS, millis));
    }

    private void blockFor(long millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        blockedUntilNanos.accumulateAndGet(until, Math::max);
    }

    /** Milliseconds to wait before the next call, 0 when a call may go now. */
    long millisUntilPermitted() {
        long waitNanos = blockedUntilNanos.get() - System.nanoTime();
        return waitNanos <= 0 ? 0 : (waitNanos + 999_999) / 1_000_000;
    }

    static Integer intHeader(HttpResponse response, String name) {
        Long value = longHeader(response, name);
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    static Long longHeader(HttpResponse response, String name) {
        var header = response.getFirstHeader(name);
        if (header == null || header.getValue() == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(header.getValue().trim());
            return Double.isNaN(value) ? null : (long) value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
