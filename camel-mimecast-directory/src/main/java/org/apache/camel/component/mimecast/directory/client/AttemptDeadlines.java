package org.apache.camel.component.mimecast.directory.client;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Ends HTTP exchanges that outlive their deadline, or whose caller is interrupted. HttpClient's timeouts bound each
 * connect and each socket read, not the exchange: a server that drips its body one byte at a time could otherwise hold
 * a call for ever, and a blocked socket read does not notice an interrupt (Camel stops a consumer by interrupting its
 * poll). Runs on a scheduler of the CamelContext's ExecutorServiceManager, which the component starts and stops.
 */
public final class AttemptDeadlines {

    private static final long INTERRUPT_CHECK_MILLIS = 100;

    private final ScheduledExecutorService scheduler;

    public AttemptDeadlines(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Cancels {@code exchange} (its connection is dropped) after {@code millis}, or as soon as the calling thread is
     * interrupted, unless the returned deadline is closed first.
     *
     * @throws RejectedExecutionException when the component is stopping
     */
    Deadline start(Cancellable exchange, long millis) {
        if (scheduler.isShutdown()) {
            throw new RejectedExecutionException("the component's deadline timer is shut down");
        }
        Deadline deadline = new Deadline(exchange);
        Thread caller = Thread.currentThread();
        deadline.expiry = scheduler.schedule(() -> deadline.end(true), millis, TimeUnit.MILLISECONDS);
        deadline.interruptWatch = scheduler.scheduleWithFixedDelay(() -> {
            if (deadline.ended.get()) {
                // Ended before this watch was known to it: a periodic task stops when it throws.
                throw new IllegalStateException("deadline ended");
            }
            if (caller.isInterrupted()) {
                deadline.end(false);
            }
        }, INTERRUPT_CHECK_MILLIS, INTERRUPT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        return deadline;
    }

    /** The deadline of one exchange: close it when the exchange ended. */
    static final class Deadline implements AutoCloseable {

        private final Cancellable exchange;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean expired;
        private volatile Future<?> expiry;
        private volatile Future<?> interruptWatch;

        private Deadline(Cancellable exchange) {
            this.exchange = exchange;
        }

        private void end(boolean byTimeout) {
            if (ended.compareAndSet(false, true)) {
                expired = byTimeout;
                cancelTimers();
                exchange.cancel();
            }
        }

        /** Whether the exchange was ended because it outlived its deadline. */
        boolean expired() {
            return expired;
        }

        private void cancelTimers() {
            Future<?> timer = expiry;
            Future<?> watch = interruptWatch;
            if (timer != null) {
                timer.cancel(false);
            }
            if (watch != null) {
                watch.cancel(false);
            }
        }

        @Override
        public void close() {
            if (ended.compareAndSet(false, true)) {
                cancelTimers();
            }
        }
    }
}
