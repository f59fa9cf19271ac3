package org.apache.camel.component.mimecast.directory.client;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one endpoint's client did lately, for the developer console and operators: calls and failures so far, the last
 * call and the last error (its message already free of secrets).
 */
public final class CallStatistics {

    /** The last call: when it ended, which operation, and its error message or null when it succeeded. */
    public record LastCall(Instant at, String operation, String error) {
    }

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile LastCall lastCall;
    private volatile LastCall lastFailure;
    private volatile CallListener listener = CallListener.NONE;

    /** Told of every call as it ends (metrics). */
    public interface CallListener {
        CallListener NONE = (operation, succeeded, nanos) -> {
        };

        void callEnded(String operation, boolean succeeded, long durationNanos);
    }

    public void setListener(CallListener listener) {
        this.listener = listener == null ? CallListener.NONE : listener;
    }

    void succeeded(String operation, long durationNanos, int attempts) {
        calls.incrementAndGet();
        requests.addAndGet(attempts);
        lastCall = new LastCall(Instant.now(), operation, null);
        listener.callEnded(operation, true, durationNanos);
    }

    void failed(String operation, String redactedMessage, long durationNanos, int attempts) {
        calls.incrementAndGet();
        failures.incrementAndGet();
        requests.addAndGet(attempts);
        lastCall = lastFailure = new LastCall(Instant.now(), operation, redactedMessage);
        listener.callEnded(operation, false, durationNanos);
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    /** HTTP requests sent, every attempt counted. */
    public long requests() {
        return requests.get();
    }

    /** Answers of HTTP 429 (each was waited out, none failed a call by itself). */
    public long rateLimitedAnswers() {
        return rateLimited.get();
    }

    /** Attempts repeated after a failure (5xx, I/O, timeout), 429s not counted. */
    public long retries() {
        return retries.get();
    }

    public long calls() {
        return calls.get();
    }

    public long failures() {
        return failures.get();
    }

    /** The last call, or null before the first. */
    public LastCall lastCall() {
        return lastCall;
    }

    /** The last failed call, or null when none failed. */
    public LastCall lastFailure() {
        return lastFailure;
    }
}
