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
    private volatile LastCall lastCall;
    private volatile LastCall lastFailure;

    void succeeded(String operation) {
        calls.incrementAndGet();
        lastCall = new LastCall(Instant.now(), operation, null);
    }

    void failed(String operation, String redactedMessage) {
        calls.incrementAndGet();
        failures.incrementAndGet();
        lastCall = lastFailure = new LastCall(Instant.now(), operation, redactedMessage);
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
