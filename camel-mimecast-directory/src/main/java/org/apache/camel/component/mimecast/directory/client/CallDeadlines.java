package org.apache.camel.component.mimecast.directory.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Ends HTTP exchanges that outlive their deadline. HttpClient's timeouts bound each connect and each socket read, not
 * the exchange: a server that drips its body one byte at a time could otherwise hold a call for ever. One daemon thread
 * for the JVM is enough; it only flips flags and hands the closing of connections to another thread.
 */
final class CallDeadlines {

    private static final ScheduledThreadPoolExecutor TIMER = createTimer();
    private static final long LEASE_RECHECK_MILLIS = 20;
    private static final long INTERRUPT_CHECK_MILLIS = 100;

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

    /**
     * Drops the connection of one attempt after {@code millis}, or as soon as the calling thread is interrupted (Camel
     * stops a consumer by interrupting its poll), unless the returned deadline is closed first. Unlike cancelling the
     * request, this ends only the attempt: HttpClient's retry step may then repeat it.
     */
    static AttemptDeadline dropConnectionAfter(ExecRuntime attempt, long millis, Runnable onExpiry) {
        AttemptDeadline deadline = new AttemptDeadline();
        Thread caller = Thread.currentThread();
        deadline.interruptWatch = TIMER.scheduleWithFixedDelay(() -> {
            if (caller.isInterrupted()) {
                deadline.interruptWatch.cancel(false);
                CompletableFuture.runAsync(() -> deadline.drop(attempt));
            }
        }, INTERRUPT_CHECK_MILLIS, INTERRUPT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        deadline.timer = TIMER.schedule(() -> {
            onExpiry.run();
            CompletableFuture.runAsync(() -> deadline.drop(attempt));
        }, millis, TimeUnit.MILLISECONDS);
        return deadline;
    }

    /** The deadline of one attempt: close it when the attempt ends. */
    static final class AttemptDeadline implements AutoCloseable {

        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Future<?> timer;
        private volatile Future<?> interruptWatch;

        private void drop(ExecRuntime attempt) {
            if (ended.get()) {
                return;
            }
            if (attempt.isEndpointAcquired()) {
                attempt.discardEndpoint();
            } else {
                // Still waiting for a pooled connection (bounded by the same timeout), or between leasing one and
                // holding it: look again shortly rather than let a connection taken at the last moment run unbounded.
                timer = TIMER.schedule(() -> CompletableFuture.runAsync(() -> drop(attempt)), LEASE_RECHECK_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() {
            ended.set(true);
            interruptWatch.cancel(false);
            timer.cancel(false);
        }
    }
}
