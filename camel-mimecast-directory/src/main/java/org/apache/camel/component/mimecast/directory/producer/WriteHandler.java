package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
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
 * most {@code batchSize} items; the results come back in input order, each {@code fail[]} entry matched to its input
 * by the key Mimecast echoes.
 *
 * @param <I> the request item type
 * @param <D> the type of the response's data items
 * @param <R> the result type of one item
 */
final class WriteHandler<I extends RequestItem, D, R> implements OperationHandler {

    /** The error code of an item whose outcome the response does not tell. */
    static final String UNCONFIRMED = "unconfirmed";

    private final RequestItemReader<I> reader;
    private final Class<D> responseType;
    private final boolean successHasData;
    private final BiFunction<I, D, R> resultOf;

    /**
     * @param responseType   the type of the response's data items
     * @param successHasData whether each successful item has a data item (false for delete-group)
     * @param resultOf       the result of one successful item from its request and its data item (null if none)
     */
    private WriteHandler(RequestItemReader<I> reader, Class<D> responseType, boolean successHasData,
                         BiFunction<I, D, R> resultOf) {
        this.reader = reader;
        this.responseType = responseType;
        this.successHasData = successHasData;
        this.resultOf = resultOf;
    }

    /** A write whose result for each item is the data item Mimecast returns for it. */
    static <I extends RequestItem, D> WriteHandler<I, D, D> returningData(RequestItemReader<I> reader, Class<D> type) {
        return new WriteHandler<>(reader, type, true, (item, data) -> data);
    }

    /** A write whose response has no data items: the result of each item is made from its request. */
    static <I extends RequestItem, R> WriteHandler<I, JsonNode, R> withoutData(
            RequestItemReader<I> reader, Function<I, R> resultOf) {
        return new WriteHandler<>(reader, JsonNode.class, false, (item, data) -> resultOf.apply(item));
    }

    @Override
    public void process(Exchange exchange, ProducerContext context) {
        MimecastDirectoryConfiguration configuration = context.configuration();
        requireValidBatchSize(configuration);
        RequestItems<I> request = reader.read(exchange, configuration, context.operation().operationName());
        List<I> items = request.items();

        Written<R> written = write(items, context);
        if (written.interruption() != null) {
            throw written.interruptionWithResults();
        }
        List<ItemResult<R>> outcomes = written.outcomes();
        List<ItemFailure> failures = outcomes.stream().map(ItemResult::failure).filter(Objects::nonNull).toList();
        List<R> results = outcomes.stream().filter(ItemResult::isSuccess).map(ItemResult::result).toList();
        if (!failures.isEmpty() && configuration.isThrowOnItemFailure()) {
            throw MimecastApiException.forItemFailures(
                    context.operation(), written.lastRequestId(), failures, results, items.size());
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

    static void requireValidBatchSize(MimecastDirectoryConfiguration configuration) {
        if (configuration.getBatchSize() < 1) {
            throw new MimecastValidationException(
                    "batchSize", "batchSize must be 1 or more, was " + configuration.getBatchSize());
        }
    }

    /**
     * Sends validated items in requests of {@code batchSize}, overlapped up to maxConcurrentCalls, and tells each item's
     * fate in input order. After a request fails as a whole, requests not yet started are not sent (as a sequential
     * write would stop there); those already in flight finish and are reported.
     */
    Written<R> write(List<I> items, ProducerContext context) {
        int batchSize = context.configuration().getBatchSize();
        AtomicBoolean stop = new AtomicBoolean();
        List<Supplier<Batch<R>>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            List<I> chunk = items.subList(from, Math.min(items.size(), from + batchSize));
            batches.add(() -> send(chunk, context, stop));
        }
        return new Written<>(ParallelCalls.inOrder(context.calls(), batches), items.size());
    }

    private Batch<R> send(List<I> chunk, ProducerContext context, AtomicBoolean stop) {
        if (stop.get()) {
            return new Batch<>(chunk.size(), null, null);
        }
        try {
            ApiResponse<D> response = context.client().call(context.operation(), MimecastRequest.of(chunk),
                    responseType);
            return new Batch<>(chunk.size(), response, match(chunk, response, context.mapper()));
        } catch (MimecastApiException e) {
            stop.set(true);
            return new Batch<>(chunk.size(), null, null, e);
        }
    }

    /**
     * One request of a write: answered ({@code response} and {@code outcomes}), failed as a whole ({@code failure}),
     * or not sent (neither).
     */
    record Batch<R>(int size, ApiResponse<?> response, List<ItemResult<R>> outcomes, MimecastApiException failure) {
        Batch(int size, ApiResponse<?> response, List<ItemResult<R>> outcomes) {
            this(size, response, outcomes, null);
        }
    }

    /**
     * What writing a list came to: every request in input order.
     *
     * @param batches the requests, in input order
     * @param total   the number of items
     */
    record Written<R>(List<Batch<R>> batches, int total) {

        /** The outcome of every item whose request was answered, in input order. */
        List<ItemResult<R>> outcomes() {
            return batches.stream().filter(b -> b.outcomes() != null).flatMap(b -> b.outcomes().stream()).toList();
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

        /** The first request, in input order, that failed as a whole; null when every request sent was answered. */
        MimecastApiException interruption() {
            return batches.stream().map(Batch::failure).filter(Objects::nonNull).findFirst().orElse(null);
        }

        /**
         * The interruption, saying which items were applied (see getSucceeded()), which requests failed as a whole
         * (their items may or may not be applied) and which were not sent.
         */
        MimecastApiException interruptionWithResults() {
            MimecastApiException first = interruption();
            List<Object> applied = outcomes().stream().filter(ItemResult::isSuccess).map(r -> (Object) r.result())
                    .toList();
            StringBuilder fates = new StringBuilder();
            int from = 0;
            for (Batch<R> batch : batches) {
                int to = from + batch.size() - 1;
                String fate = batch.outcomes() != null ? "answered" : batch.failure() != null
                        ? "failed as a request (not confirmed: may or may not be applied)" : "not sent";
                fates.append(fates.length() == 0 ? "" : "; ").append("items ").append(from).append("..").append(to)
                        .append(' ').append(fate);
                from = to + 1;
            }
            if (batches.size() == 1) {
                return first;
            }
            return first.interrupting(first.getMessage() + ". Of " + total + " items: " + fates + " ("
                                      + applied.size() + " applied, see getSucceeded())",
                    applied);
        }
    }

    /**
     * Pairs each item of a chunk with its failure (by echoed key) or with the next data item, in order. When a failure
     * names no item, the items without a failure of their own cannot be told apart from it: they are reported as
     * unconfirmed, never as applied.
     */
    private List<ItemResult<R>> match(List<I> chunk, ApiResponse<D> response, ObjectMapper mapper) {
        List<JsonNode> sent = chunk.stream().map(item -> (JsonNode) mapper.valueToTree(item)).toList();
        FailureMatcher.Matches matches = FailureMatcher.match(sent, response.body().fail());
        Iterator<D> data = response.body().data().iterator();
        List<ItemResult<R>> outcomes = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            I item = chunk.get(i);
            ItemFailure failure = matches.failureOf()[i];
            if (failure == null && !matches.unmatched().isEmpty()) {
                failure = unconfirmed(sent.get(i), matches.unmatched(), mapper);
            }
            if (failure != null) {
                outcomes.add(new ItemResult<>(item, null, failure));
            } else {
                D dataItem = successHasData && data.hasNext() ? data.next() : null;
                outcomes.add(new ItemResult<>(item, resultOf.apply(item, dataItem), null));
            }
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static ItemFailure unconfirmed(JsonNode item, List<ItemFailure> unmatched, ObjectMapper mapper) {
        Map<String, Object> key = mapper.convertValue(item, Map.class);
        String unmatchedText = ItemFailure.describeAll(unmatched.subList(0, Math.min(3, unmatched.size())))
                               + (unmatched.size() > 3 ? "; and " + (unmatched.size() - 3) + " more" : "");
        return new ItemFailure(key, List.of(new ApiError(UNCONFIRMED,
                "not confirmed: the response has " + unmatched.size() + " failure(s) that name no item of the request ("
                                                      + unmatchedText + "), so this item may or may not be applied",
                false)));
    }
}
