package org.apache.camel.component.mimecast.directory.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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

    /** The HTTP-date forms RFC 9110 says a recipient must accept: IMF-fixdate, RFC 850 and asctime. */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC));

    private final Clock clock;
    private volatile RateLimitStatus last = RateLimitStatus.UNKNOWN;
    // System.nanoTime() before which no call should be made; 0 when not blocked.
    private final AtomicLong blockedUntilNanos = new AtomicLong();
    // The quota as of the last response, and the calls sent since that have not been answered: what concurrent callers
    // may still spend before the window resets. Guarded by this.
    private int remainingAtLastResponse = -1;
    private int limitAtLastResponse = -1;
    private long windowResetsAtNanos;
    private int inFlight;
    // Whether this API user's answers carry rate limit headers: unknown until the first answer. While the quota is
    // unknown but expected, one call probes it and the others wait for its answer, as a sequential client would.
    private Boolean quotaReported;
    /** How long a caller waits for the answer of the call probing an unknown quota before it looks again. */
    private static final long PROBE_WAIT_MILLIS = 10;
    /** Answers whose reset times differ by less than this belong to one window (transfer times differ a little). */
    private static final long SAME_WINDOW_NANOS = 250_000_000L;

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
            synchronized (this) {
                if (quotaReported == null) {
                    quotaReported = false;
                }
            }
            return;
        }
        last = new RateLimitStatus(limit, remaining, reset);
        if (retryAfter < 0 && remaining != null && remaining <= 0 && reset != null && reset > 0) {
            blockFor(capped(reset));
        }
        synchronized (this) {
            long now = System.nanoTime();
            // Retry-After says when calls may go again, whatever the window's reset says.
            long resetMillis = retryAfter >= 0 ? retryAfter : reset == null ? -1 : capped(reset);
            long resetsAt = resetMillis < 0 ? 0 : now + resetMillis * 1_000_000L;
            int answered = remaining == null ? -1 : Math.max(0, remaining);
            boolean sameWindow = windowResetsAtNanos > 0 && now < windowResetsAtNanos && resetsAt > 0
                                 && resetsAt - windowResetsAtNanos < SAME_WINDOW_NANOS;
            if (sameWindow && remainingAtLastResponse >= 0 && answered >= 0) {
                // Concurrent answers arrive out of order: within a window the quota only shrinks, so an older answer
                // with more remaining must not raise it again.
                remainingAtLastResponse = Math.min(remainingAtLastResponse, answered);
            } else {
                remainingAtLastResponse = answered;
                windowResetsAtNanos = resetsAt;
            }
            limitAtLastResponse = limit == null ? -1 : limit;
            quotaReported = true;
        }
    }

    /**
     * Claims one call of the quota for a caller about to send, across every thread of this API user: a call may go
     * while the last known {@code X-RateLimit-Remaining}, less the calls in flight and the reserve, is above zero.
     * Returns 0 when the call was claimed (then {@link #callEnded()} must follow), or the milliseconds until the window
     * resets. Unknown quotas (no headers yet, or a window that has reset) let the call go.
     *
     * @param reservePercent the share of the limit to leave to other applications of the same API user
     */
    synchronized long tryClaimCall(int reservePercent) {
        long now = System.nanoTime();
        if (remainingAtLastResponse >= 0 && windowResetsAtNanos > 0 && now >= windowResetsAtNanos) {
            // The window reset: the next answer tells the new quota.
            remainingAtLastResponse = -1;
        }
        if (remainingAtLastResponse < 0 && inFlight > 0 && !Boolean.FALSE.equals(quotaReported)) {
            // The quota is not known (no answer yet, or the window just reset): let the call in flight find out.
            return PROBE_WAIT_MILLIS;
        }
        if (remainingAtLastResponse >= 0) {
            int reserve = limitAtLastResponse > 0 ? (int) Math.ceil(limitAtLastResponse * reservePercent / 100.0) : 0;
            if (remainingAtLastResponse - inFlight - reserve <= 0) {
                long wait = windowResetsAtNanos > 0 ? (windowResetsAtNanos - now + 999_999) / 1_000_000 : 1000;
                return Math.max(1, wait);
            }
        }
        inFlight++;
        return 0;
    }

    /** A call claimed with {@link #tryClaimCall(int)} was answered or failed. */
    synchronized void callEnded() {
        inFlight = Math.max(0, inFlight - 1);
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
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, format);
                return capped(Duration.between(clock.instant(), at.toInstant()).toMillis());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return -1;
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
