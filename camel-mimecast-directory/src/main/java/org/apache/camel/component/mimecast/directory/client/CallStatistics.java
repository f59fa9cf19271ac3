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
    private final AtomicLong callNanos = new AtomicLong();
    private volatile LastCall lastCall;
    private volatile LastCall lastFailure;

    void succeeded(String operation, int attempts, long nanos) {
        callNanos.addAndGet(nanos);
        calls.incrementAndGet();
        requests.addAndGet(attempts);
        lastCall = new LastCall(Instant.now(), operation, null);
    }

    void failed(String operation, String redactedMessage, int attempts, long nanos) {
        callNanos.addAndGet(nanos);
        calls.incrementAndGet();
        failures.incrementAndGet();
        requests.addAndGet(attempts);
        lastCall = lastFailure = new LastCall(Instant.now(), operation, redactedMessage);
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    /** The time every call took, waits and retries included, in nanoseconds. */
    public long callNanos() {
        return callNanos.get();
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
