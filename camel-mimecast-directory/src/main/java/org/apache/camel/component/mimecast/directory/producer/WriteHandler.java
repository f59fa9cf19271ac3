package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.client.ApiResponse;
import org.apache.camel.component.mimecast.directory.client.ParallelCalls;
import org.apache.camel.component.mimecast.directory.client.RateLimitStatus;
import org.apache.camel.component.mimecast.directory.model.ApiError;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.ItemResult;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;
import org.apache.camel.component.mimecast.directory.model.RequestItem;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.ITEM_FAILURES;

/**
 * The write operations (create, update and delete group; add and remove member). A list is sent in requests of at
 * most {@code batchSize} items, independent of each other: a request that fails does not stop the others, unless it
 * shows that none can succeed (credentials or permission refused, the quota out of reach, an interrupt). Each item's
 * fate comes back in input order, matched to Mimecast's {@code data} and {@code fail[]} entries by the key they echo:
 * applied, failed (with Mimecast's code), unconfirmed (may have been applied: only writes that are not repeated) or not
 * sent.
 *
 * @param <I> the request item type
 * @param <D> the type of the response's data items
 * @param <R> the result type of one item
 */
final class WriteHandler<I extends RequestItem, D, R> implements OperationHandler {

    /** The error code of an item whose outcome the response does not tell: it may or may not be applied. */
    static final String UNCONFIRMED = "unconfirmed";
    /** The error code of an item whose request was not sent. */
    static final String NOT_SENT = "not_sent";
    /** An add of a member who is there: after a repeat of a call of unknown fate, the add is done. */
    static final String ALREADY_MEMBER = "err_folder_group_member_already_exists";
    /** A remove of a member who is not there: after a repeat of a call of unknown fate, the remove is done. */
    static final String NOT_MEMBER = "err_folder_email_address_not_found";

    private final RequestItemReader<I> reader;
    private final Class<D> responseType;
    private final Function<D, Map<String, Object>> echo;
    private final BiFunction<I, D, R> resultOf;

    /**
     * @param echo     the request fields a data item echoes, by which it is paired with its item; null when the
     *                 operation returns no data (every item not in {@code fail[]} is applied)
     * @param resultOf the result of one applied item from its request and its data item (null when it has none)
     */
    private WriteHandler(RequestItemReader<I> reader, Class<D> responseType, Function<D, Map<String, Object>> echo,
                         BiFunction<I, D, R> resultOf) {
        this.reader = reader;
        this.responseType = responseType;
        this.echo = echo;
        this.resultOf = resultOf;
    }

    /**
     * A write whose result for each item is the data item Mimecast returns for it.
     *
     * @param echo the request fields a data item echoes, e.g. {@code description} for create-group
     */
    static <I extends RequestItem, D> WriteHandler<I, D, D> returningData(
            RequestItemReader<I> reader, Class<D> type, Function<D, Map<String, Object>> echo,
            Function<I, D> resultWithoutData) {
        return new WriteHandler<>(reader, type, echo,
                (item, data) -> data != null ? data : resultWithoutData.apply(item));
    }

    /** A write whose response has no data items: the result of each item is made from its request. */
    static <I extends RequestItem, R> WriteHandler<I, JsonNode, R> withoutData(
            RequestItemReader<I> reader, Function<I, R> resultOf) {
        return new WriteHandler<>(reader, JsonNode.class, null, (item, data) -> resultOf.apply(item));
    }

    /** The fields named, in order, with their values (nulls kept out). */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }

    @Override
    public void process(Exchange exchange, ProducerContext context) {
        MimecastDirectoryConfiguration configuration = context.configuration();
        requireValidBatchSize(configuration);
        RequestItems<I> request = reader.read(exchange, configuration, context.operation().operationName());
        List<I> items = request.items();

        Written<R> written = write(items, context);
        MimecastApiException requestFailure = written.firstRequestFailure();
        List<ItemResult<R>> outcomes = written.outcomes();
        List<ItemFailure> failures = outcomes.stream().map(ItemResult::failure).filter(Objects::nonNull).toList();
        List<R> results = outcomes.stream().filter(ItemResult::isSuccess).map(ItemResult::result).toList();
        if (requestFailure != null) {
            throw written.batches().size() == 1 ? requestFailure
                    : bulkFailure(context, written, failures, results, requestFailure);
        }
        if (!failures.isEmpty() && configuration.isThrowOnItemFailure()) {
            throw written.batches().size() == 1
                    ? MimecastApiException.forItemFailures(context.operation(), written.lastRequestId(), failures,
                            results, items.size())
                    : bulkFailure(context, written, failures, results, null);
        }
        Message message = exchange.getMessage();
        if (configuration.isThrowOnItemFailure()) {
            message.setBody(request.isList() ? results : results.get(0));
        } else {
            message.setBody(request.isList() ? outcomes : outcomes.get(0));
            message.setHeader(ITEM_FAILURES, failures);
        }
        CallHeaders.set(message, written.lastRequestId(), written.requests(), written.rateLimit());
    }

    /** The failure of a write of several batches; an item whose fate is unknown makes it "may have been applied". */
    private MimecastApiException bulkFailure(ProducerContext context, Written<R> written, List<ItemFailure> failures,
                                             List<R> results, MimecastApiException firstRequestFailure) {
        boolean unconfirmed = failures.stream().anyMatch(f -> UNCONFIRMED.equals(f.codes()));
        return MimecastApiException.ofBulkWrite(written.summary(context.operation()),
                context.operation().operationName(),
                firstRequestFailure != null ? firstRequestFailure.getHttpStatus() : 200,
                firstRequestFailure != null ? firstRequestFailure.getRequestId() : written.lastRequestId(), failures,
                results, unconfirmed, firstRequestFailure);
    }

    static void requireValidBatchSize(MimecastDirectoryConfiguration configuration) {
        if (configuration.getBatchSize() < 1) {
            throw new MimecastValidationException(
                    "batchSize", "batchSize must be 1 or more, was " + configuration.getBatchSize());
        }
    }

    /**
     * Sends validated items in requests of {@code batchSize}, overlapped up to maxConcurrentCalls, and tells each item's
     * fate in input order. Every request is sent unless one fails in a way that shows the others cannot succeed.
     */
    Written<R> write(List<I> items, ProducerContext context) {
        int batchSize = context.configuration().getBatchSize();
        WriteRun run = new WriteRun(System.nanoTime()
                                    + Math.min(context.configuration().getCallTimeout(), 86_400_000L) * 1_000_000L);
        List<Supplier<Batch<R>>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            List<I> chunk = items.subList(from, Math.min(items.size(), from + batchSize));
            batches.add(() -> send(chunk, context, run));
        }
        try {
            return new Written<>(ParallelCalls.inOrder(context.calls(), batches), items.size());
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw MimecastApiException.noResponse(context.operation() + " of " + items.size() + " items interrupted:"
                                                  + " the batches in flight were cancelled, the others not sent",
                    context.operation(), null, true, e);
        }
    }

    /**
     * What the batches of one write share: its deadline (callTimeout for the write as a whole, so that a server that
     * stopped answering does not hold a bulk write for hours) and why the batches not yet started are not sent.
     */
    private static final class WriteRun {
        /** Batches failing as a whole in a row (no answer, 5xx, after their retries) that mean the server is down. */
        static final int FAILURES_IN_A_ROW_TO_STOP = 3;
        final long deadlineNanos;
        final AtomicReference<String> stopped = new AtomicReference<>();
        final AtomicInteger failuresInARow = new AtomicInteger();

        WriteRun(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        String stopReason(long callTimeoutMillis) {
            if (stopped.get() == null && System.nanoTime() > deadlineNanos) {
                stopped.compareAndSet(null, "the write's callTimeout=" + callTimeoutMillis + " ms passed");
            }
            return stopped.get();
        }

        void failed(MimecastApiException e) {
            int status = e.getHttpStatus();
            if (status == 401 || status == 403 || status == 418 || status == 429) {
                stopped.compareAndSet(null, "an earlier request of this write was refused with HTTP " + status
                                            + ", so none could succeed");
            } else if ((status == 0 || status >= 500) && failuresInARow.incrementAndGet() >= FAILURES_IN_A_ROW_TO_STOP) {
                stopped.compareAndSet(null, FAILURES_IN_A_ROW_TO_STOP + " requests in a row failed after their"
                                            + " retries (" + (status == 0 ? "no answer" : "HTTP " + status)
                                            + "): the server looks down");
            }
        }

        void answered() {
            failuresInARow.set(0);
        }
    }

    private Batch<R> send(List<I> chunk, ProducerContext context, WriteRun run) {
        ObjectMapper mapper = context.mapper();
        String stopReason = Thread.currentThread().isInterrupted() ? "the write was interrupted"
                : run.stopReason(context.configuration().getCallTimeout());
        if (stopReason != null) {
            return new Batch<>(chunk.size(), null, failAll(chunk, mapper,
                    new ApiError(NOT_SENT, "not sent: " + stopReason, true)), null);
        }
        try {
            ApiResponse<D> response = context.client().call(context.operation(), MimecastRequest.of(chunk),
                    responseType);
            run.answered();
            return new Batch<>(chunk.size(), response, match(chunk, response, context), null);
        } catch (MimecastApiException e) {
            run.failed(e);
            boolean unconfirmed = e.isMayHaveBeenApplied();
            String code = unconfirmed ? UNCONFIRMED
                    : !e.getErrorCodes().isEmpty() ? e.getErrorCodes().get(0)
                    : e.getHttpStatus() == 0 ? "no_response" : "http_" + e.getHttpStatus();
            // An item that may have been applied is never marked retryable: sending it again could apply it twice.
            return new Batch<>(chunk.size(), null,
                    failAll(chunk, mapper, new ApiError(code, e.getMessage(), !unconfirmed && e.isRetryable())), e);
        }
    }

    private List<ItemResult<R>> failAll(List<I> chunk, ObjectMapper mapper, ApiError error) {
        return chunk.stream().map(item -> new ItemResult<R>(item, null, new ItemFailure(keyOf(item, mapper),
                List.of(error)))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keyOf(Object item, ObjectMapper mapper) {
        return mapper.convertValue(item, Map.class);
    }

    /**
     * One request of a write: the fate of each of its items ({@code outcomes}), the answer when it was answered, and
     * the failure when it failed as a whole.
     */
    record Batch<R>(int size, ApiResponse<?> response, List<ItemResult<R>> outcomes, MimecastApiException failure) {
    }

    /**
     * What writing a list came to: every request in input order.
     *
     * @param batches the requests, in input order
     * @param total   the number of items
     */
    record Written<R>(List<Batch<R>> batches, int total) {

        /** The outcome of every item, in input order. */
        List<ItemResult<R>> outcomes() {
            return batches.stream().flatMap(b -> b.outcomes().stream()).toList();
        }

        /** The HTTP requests that were answered (batches and retries). */
        int requests() {
            return batches.stream().filter(b -> b.response() != null).mapToInt(b -> b.response().attempts()).sum();
        }

        String lastRequestId() {
            return lastAnswer() == null ? null : lastAnswer().requestId();
        }

        RateLimitStatus rateLimit() {
            return lastAnswer() == null ? null : lastAnswer().rateLimit();
        }

        private ApiResponse<?> lastAnswer() {
            ApiResponse<?> last = null;
            for (Batch<R> batch : batches) {
                last = batch.response() != null ? batch.response() : last;
            }
            return last;
        }

        /** The first request, in input order, that failed as a whole; null when every request was answered. */
        MimecastApiException firstRequestFailure() {
            return batches.stream().map(Batch::failure).filter(Objects::nonNull).findFirst().orElse(null);
        }

        /** A few lines a person can read: how many items met each fate, in compact ranges of their positions. */
        String summary(MimecastDirectoryOperation operation) {
            return WriteSummary.of(operation, outcomes(), batches.size(), firstRequestFailure());
        }
    }

    /**
     * Pairs each item of a chunk with its failure or its data item by the key they echo. An item named by neither is
     * unconfirmed, never applied (a reply of {@code "data": []} applied nothing we can tell). After a repeat of a call
     * of unknown fate, "already a member" or "not a member" means the earlier attempt did it.
     */
    private List<ItemResult<R>> match(List<I> chunk, ApiResponse<D> response, ProducerContext context) {
        ObjectMapper mapper = context.mapper();
        List<JsonNode> sent = chunk.stream().map(item -> (JsonNode) mapper.valueToTree(item)).toList();
        List<D> data = response.body().data();
        ItemMatcher.Matches matches = ItemMatcher.match(sent, response.body().fail(), data, echo);
        List<ItemResult<R>> outcomes = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            I item = chunk.get(i);
            ItemFailure failure = matches.failureOf()[i];
            int dataIndex = matches.dataOf()[i];
            if (failure != null && response.repeated() && isDoneByEarlierAttempt(context.operation(), failure)) {
                outcomes.add(new ItemResult<>(item, resultOf.apply(item, null), null));
            } else if (failure != null) {
                outcomes.add(new ItemResult<>(item, null, failure));
            } else if (!matches.unmatched().isEmpty()) {
                // A failure that names no item may be this one's, whatever the data says.
                outcomes.add(new ItemResult<>(item, null, unconfirmed(sent.get(i), matches.unmatched(), mapper)));
            } else if (dataIndex >= 0) {
                outcomes.add(new ItemResult<>(item, resultOf.apply(item, data.get(dataIndex)), null));
            } else if (echo == null) {
                outcomes.add(new ItemResult<>(item, resultOf.apply(item, null), null));
            } else {
                outcomes.add(new ItemResult<>(item, null, unconfirmed(sent.get(i), matches.unmatched(), mapper)));
            }
        }
        return outcomes;
    }

    private static boolean isDoneByEarlierAttempt(MimecastDirectoryOperation operation, ItemFailure failure) {
        return operation == MimecastDirectoryOperation.ADD_GROUP_MEMBER && failure.codes().equals(ALREADY_MEMBER)
               || operation == MimecastDirectoryOperation.REMOVE_GROUP_MEMBER && failure.codes().equals(NOT_MEMBER);
    }

    private static ItemFailure unconfirmed(JsonNode item, List<ItemFailure> unmatched, ObjectMapper mapper) {
        String why = unmatched.isEmpty()
                ? "the response names this item neither in data nor in fail[]"
                : "the response has " + unmatched.size() + " failure(s) that name no item of the request ("
                  + ItemFailure.describeAll(unmatched.subList(0, Math.min(3, unmatched.size())))
                  + (unmatched.size() > 3 ? "; and " + (unmatched.size() - 3) + " more" : "") + ")";
        return new ItemFailure(keyOf(item, mapper),
                List.of(new ApiError(UNCONFIRMED, "not confirmed: " + why + ", so it may or may not be applied",
                        false)));
    }
}
