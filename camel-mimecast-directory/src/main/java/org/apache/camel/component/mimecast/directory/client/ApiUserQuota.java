package org.apache.camel.component.mimecast.directory.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The rate limit of one Mimecast API user, as its answers tell it: calls go while the last known
 * {@code X-RateLimit-Remaining}, less the calls in flight and the reserve, is above zero; a spent quota waits for its
 * reset, a 429 or a {@code Retry-After} for the time the server asked. Shared by every client of the user in the JVM
 * (see {@link ApiUserQuotas}), since Mimecast counts per user whatever the component instance.
 * <p>
 * Every wait has an end: what is known of the quota expires (at the reset, or after a back-off when no usable reset
 * came), and then exactly one call probes while the others wait for its answer, so that no herd of 429s follows a
 * reset. A server wait is capped at {@link #MAX_SERVER_WAIT_MILLIS}, Mimecast's documented window: no response, however
 * malformed, blocks calls for longer.
 */
public final class ApiUserQuota {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    /** Mimecast's quotas are hourly: no response may ask for a longer wait. */
    public static final long MAX_SERVER_WAIT_MILLIS = Duration.ofHours(1).toMillis();
    /** Answers whose reset times differ by less than this belong to one window (transfer times differ a little). */
    private static final long SAME_WINDOW_NANOS = 250_000_000L;
    /** The least wait after a refusal that said no usable wait: a server refusing for ever is not hammered. */
    private static final long MIN_FALLBACK_WAIT_MILLIS = 100;
    /** How long a known quota without a reset is trusted before one call probes it again. */
    private static final long WINDOW_WITHOUT_RESET_MILLIS = 1000;

    /** The HTTP-date forms RFC 9110 says a recipient must accept: IMF-fixdate, RFC 850 and asctime. */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC));

    private final Clock clock;
    private volatile RateLimitStatus last = RateLimitStatus.UNKNOWN;
    // Guarded by this. Times are System.nanoTime().
    private long openAtNanos;
    private int remaining = -1;
    private int limit = -1;
    private long windowEndsAtNanos;
    private int inFlight;
    private boolean probeInFlight;
    // The next call goes alone and the others follow its answer: at the start, and whenever the quota is not known.
    private boolean mustProbe = true;
    // Answers in a row that spent the quota or were refused without saying when to come back: the back-off grows.
    private int exhaustedWithoutReset;

    public ApiUserQuota() {
        this(Clock.systemUTC());
    }

    ApiUserQuota(Clock clock) {
        this.clock = clock;
    }

    /** The rate limit headers of the last answer that had any. */
    public RateLimitStatus status() {
        return last;
    }

    /** One call let through: {@link #answered} or {@link #ended} must follow. */
    static final class Permit {
        private final boolean probe;
        private boolean done;

        private Permit(boolean probe) {
            this.probe = probe;
        }
    }

    /**
     * Waits until a call of the user may go, then claims it.
     *
     * @param  reservePercent        the share of the limit left to other applications of the same user
     * @param  maxWaitMillis         the longest wait worth waiting (maxRetryWait)
     * @param  latestStartNanos      the latest the call may go; later leaves it too little of its callTimeout
     * @param  firstAttempt          the call's first attempt, which goes whatever its callTimeout if it need not wait
     * @throws MimecastApiException, retryable and not sent, when the wait would be longer than either bound or the
     *                               thread is interrupted
     */
    synchronized Permit acquire(MimecastDirectoryOperation operation, int reservePercent, long maxWaitMillis,
                                long latestStartNanos, boolean firstAttempt) {
        while (true) {
            long now = System.nanoTime();
            if (remaining >= 0 && now >= windowEndsAtNanos) {
                remaining = -1;
                mustProbe = true;
            }
            long waitNanos = waitNanos(now, reservePercent);
            long leftNanos = latestStartNanos - now;
            if (leftNanos <= 0 && !firstAttempt) {
                throw notSent(operation, "too little of callTimeout is left for another attempt", 0);
            }
            if (waitNanos == 0) {
                inFlight++;
                Permit permit = new Permit(mustProbe && remaining < 0);
                probeInFlight |= permit.probe;
                return permit;
            }
            if (waitNanos > 0 && (waitNanos > maxWaitMillis * 1_000_000L || waitNanos > leftNanos)) {
                throw notSent(operation, "the Mimecast rate limit of this API user is used up for another "
                                         + millis(waitNanos) + " ms, more than "
                                         + (waitNanos > leftNanos ? "callTimeout leaves (less the call's own time)"
                                                 : "maxRetryWait=" + maxWaitMillis + " ms"),
                        429);
            }
            try {
                // Woken by any answer: a probe's answer lets the others go at once.
                long sleep = waitNanos > 0 ? waitNanos : leftNanos;
                wait(Math.max(1, millis(sleep)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MimecastApiException.noResponse(operation + " interrupted while waiting for the rate limit",
                        operation, null, true, e);
            }
        }
    }

    /** 0 when a call may go now; -1 while a probe is out (wait for its answer); otherwise the nanoseconds to wait. */
    private long waitNanos(long now, int reservePercent) {
        if (now < openAtNanos) {
            return openAtNanos - now;
        }
        if (remaining >= 0) {
            int reserve = limit > 0 ? (int) Math.ceil(limit * reservePercent / 100.0) : 0;
            return remaining - inFlight - reserve > 0 ? 0 : Math.max(1, windowEndsAtNanos - now);
        }
        return mustProbe && probeInFlight ? -1 : 0;
    }

    /**
     * The answer of a call let through: learns the quota from its headers. A 429 (the call did not run) holds every
     * call of the user for the wait the server asked, or a growing back-off when it asked none that can be read.
     *
     * @param backoff the caller's back-off for the n-th answer in a row without a usable reset (1-based)
     */
    synchronized void answered(Permit permit, HttpResponse response, LongUnaryOperator backoff) {
        release(permit);
        long now = System.nanoTime();
        long retryAfter = retryAfterMillis(response);
        Integer limitHeader = intHeader(response, LIMIT);
        Integer remainingHeader = intHeader(response, REMAINING);
        long reset = resetMillis(response);
        if (limitHeader != null || remainingHeader != null || reset >= 0) {
            last = new RateLimitStatus(limitHeader, remainingHeader, reset >= 0 ? reset : null);
        }
        if (limitHeader != null) {
            limit = limitHeader;
        }
        int status = response.getCode();
        if (status == 429) {
            // At least the least fallback wait: a server refusing for ever with a 1 ms reset is not hammered.
            long wait = retryAfter > 0 ? retryAfter : reset > 0 ? reset : fallbackWait(backoff);
            long held = capped(Math.max(MIN_FALLBACK_WAIT_MILLIS, wait));
            spent(now, held);
            if (retryAfter > 0) {
                openAtNanos = Math.max(openAtNanos, now + held * 1_000_000L);
            }
        } else if (remainingHeader != null) {
            learn(now, Math.max(0, remainingHeader), retryAfter >= 0 ? retryAfter : reset, backoff);
        } else if (status >= 200 && status < 300 && !(remaining == 0 && now < windowEndsAtNanos)) {
            // A success that reports no remaining quota: none is enforced (a spent window stays spent until it ends:
            // an answer of a call sent before it, or one through a gateway that strips the headers, does not end it).
            remaining = -1;
            mustProbe = false;
        }
        notifyAll();
    }

    private void learn(long now, int answered, long resetMillis, LongUnaryOperator backoff) {
        long windowMillis = resetMillis >= 0 ? resetMillis
                : answered > 0 ? WINDOW_WITHOUT_RESET_MILLIS : fallbackWait(backoff);
        long endsAt = now + Math.max(1, windowMillis) * 1_000_000L;
        boolean sameWindow = remaining >= 0 && now < windowEndsAtNanos
                             && Math.abs(endsAt - windowEndsAtNanos) < SAME_WINDOW_NANOS;
        // Concurrent answers arrive out of order: within one window the quota only shrinks.
        remaining = sameWindow ? Math.min(remaining, answered) : answered;
        windowEndsAtNanos = sameWindow ? windowEndsAtNanos : endsAt;
        mustProbe = false;
        if (answered > 0 || resetMillis >= 0) {
            exhaustedWithoutReset = 0;
        }
    }

    private long fallbackWait(LongUnaryOperator backoff) {
        return Math.max(MIN_FALLBACK_WAIT_MILLIS, backoff.applyAsLong(++exhaustedWithoutReset));
    }

    private void spent(long now, long waitMillis) {
        remaining = 0;
        windowEndsAtNanos = Math.max(windowEndsAtNanos, now + Math.max(1, waitMillis) * 1_000_000L);
        mustProbe = true;
    }

    /** A call let through ended without an answer (an I/O error, a timeout): another call may probe. */
    synchronized void ended(Permit permit) {
        release(permit);
        notifyAll();
    }

    private void release(Permit permit) {
        if (!permit.done) {
            permit.done = true;
            inFlight = Math.max(0, inFlight - 1);
            if (permit.probe) {
                probeInFlight = false;
            }
        }
    }

    /** Retry-After in milliseconds (delay-seconds or an HTTP-date, RFC 9110), capped; -1 when absent or unreadable. */
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

    /** X-RateLimit-Reset in milliseconds, capped; -1 when absent, unreadable or negative. */
    static long resetMillis(HttpResponse response) {
        Double value = number(response, RESET);
        return value == null || value < 0 ? -1 : capped((long) Math.ceil(Math.min(value, MAX_SERVER_WAIT_MILLIS)));
    }

    static Integer intHeader(HttpResponse response, String name) {
        Double value = number(response, name);
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Double number(HttpResponse response, String name) {
        var header = response.getFirstHeader(name);
        if (header == null || header.getValue() == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(header.getValue().trim());
            return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long capped(long millis) {
        return Math.max(0, Math.min(MAX_SERVER_WAIT_MILLIS, millis));
    }

    private static long millis(long nanos) {
        return (nanos + 999_999) / 1_000_000;
    }

    private static MimecastApiException notSent(MimecastDirectoryOperation operation, String why, int status) {
        return MimecastApiException.ofRequest(operation + " not sent: " + why, operation.operationName(), status, null,
                true);
    }
}
