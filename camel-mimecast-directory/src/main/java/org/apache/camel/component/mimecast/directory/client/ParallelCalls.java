package org.apache.camel.component.mimecast.directory.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs independent calls (the batches of a bulk write, the groups of a poll) overlapped on an executor and returns
 * their results in input order. The executor's size bounds the overlap; the call slots of {@link MimecastClient} bound it again per API
 * user across endpoints. Without an executor, or for a single task, the tasks run one after the other on the caller's
 * thread.
 */
public final class ParallelCalls {

    private ParallelCalls() {
    }

    /**
     * @param  executor the executor, or null to run sequentially
     * @return          each task's result, in the order of {@code tasks}
     */
    public static <T> List<T> inOrder(Executor executor, List<? extends Supplier<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        if (executor == null || tasks.size() < 2) {
            tasks.forEach(task -> results.add(task.get()));
            return results;
        }
        List<CompletableFuture<T>> running = new ArrayList<>(tasks.size());
        for (Supplier<T> task : tasks) {
            CompletableFuture<T> future;
            try {
                future = CompletableFuture.supplyAsync(task, executor);
            } catch (RejectedExecutionException e) {
                // The pool is shutting down (its endpoint stops): run the task here rather than lose it.
                future = CompletableFuture.completedFuture(null).thenApply(ignored -> task.get());
            }
            running.add(future);
        }
        for (CompletableFuture<T> future : running) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                // Let the others finish first: no call is left running behind the caller's back.
                running.forEach(f -> f.handle((r, t) -> null).join());
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return results;
    }
}
