package org.apache.camel.component.mimecast.directory.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Aborts HTTP exchanges that outlive their deadline. HttpClient's timeouts bound each connect and each socket read,
 * not the exchange: a server that drips its body one byte at a time could otherwise hold a call for ever. One daemon
 * thread for the JVM is enough; it only flips cancellation flags.
 */
final class CallDeadlines {

    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    private CallDeadlines() {
    }

    private static ScheduledThreadPoolExecutor createTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mimecast-directory-call-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // Most exchanges end in time: drop their cancelled tasks at once rather than when they would have run.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Cancels {@code exchange} after {@code millis} unless the returned handle is cancelled first. */
    static Future<?> abortAfter(Cancellable exchange, long millis, Runnable onAbort) {
        return TIMER.schedule(() -> {
            onAbort.run();
            // Off the timer thread: closing a connection could block, and every deadline in the JVM waits on it.
            CompletableFuture.runAsync(exchange::cancel);
        }, millis, TimeUnit.MILLISECONDS);
    }
}
