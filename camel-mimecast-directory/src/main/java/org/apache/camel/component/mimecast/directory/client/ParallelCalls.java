package org.apache.camel.component.mimecast.directory.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.apache.camel.RuntimeCamelException;

/**
 * Runs independent calls (the batches of a bulk write, the groups of a poll) overlapped on an executor and returns
 * their results in input order. The executor's size bounds the overlap; the call slots of {@link MimecastClient} bound
 * it again per API user. Without an executor, or for a single task, the tasks run one after the other on the caller's
 * thread. An interrupt of the caller (Camel stopping a consumer or a producer) reaches every task: they are cancelled,
 * which interrupts the calls in flight, and awaited before the interrupt is rethrown.
 */
public final class ParallelCalls {

    private ParallelCalls() {
    }

    /**
     * @param  executor             the executor, or null to run sequentially
     * @return                      each task's result, in the order of {@code tasks}
     * @throws RuntimeCamelException when the caller is interrupted (its interrupt flag is set again)
     */
    public static <T> List<T> inOrder(ExecutorService executor, List<? extends Supplier<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        if (executor == null || tasks.size() < 2) {
            tasks.forEach(task -> results.add(task.get()));
            return results;
        }
        List<Future<T>> running = new ArrayList<>(tasks.size());
        for (Supplier<T> task : tasks) {
            try {
                running.add(executor.submit(task::get));
            } catch (RejectedExecutionException e) {
                // The pool is shutting down (its endpoint stops): run the task here rather than lose it.
                running.add(runHere(task));
            }
        }
        for (Future<T> future : running) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                running.forEach(ParallelCalls::awaitQuietly);
                Thread.currentThread().interrupt();
                throw new RuntimeCamelException("Interrupted while " + tasks.size() + " calls were running: the calls"
                                                + " were cancelled", e);
            } catch (ExecutionException e) {
                // Let the others finish first: no call is left running behind the caller's back.
                running.forEach(ParallelCalls::awaitQuietly);
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new RuntimeCamelException(e.getCause());
            }
        }
        return results;
    }

    private static <T> Future<T> runHere(Supplier<T> task) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            done.complete(task.get());
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Waits for a task to end, whatever its outcome, keeping an interrupt for the caller. */
    private static void awaitQuietly(Future<?> future) {
        boolean interrupted = false;
        while (true) {
            try {
                future.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
