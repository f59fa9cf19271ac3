package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.client.ApiResponse;
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
 * @param <R> the result type of one item
 */
final class WriteHandler<I extends RequestItem, R> implements OperationHandler {

    /** The error code of an item whose outcome the response does not tell. */
    static final String UNCONFIRMED = "unconfirmed";

    private final RequestItemReader<I> reader;
    private final Class<?> responseType;
    private final boolean successHasData;
    private final BiFunction<I, Object, R> resultOf;

    /**
     * @param responseType   the type of the response's data items
     * @param successHasData whether each successful item has a data item (false for delete-group)
     * @param resultOf       the result of one successful item from its request and its data item (null if none)
     */
    WriteHandler(RequestItemReader<I> reader, Class<?> responseType, boolean successHasData,
                 BiFunction<I, Object, R> resultOf) {
        this.reader = reader;
        this.responseType = responseType;
        this.successHasData = successHasData;
        this.resultOf = resultOf;
    }

    @Override
    public void process(Exchange exchange, ProducerContext context) {
        MimecastDirectoryConfiguration configuration = context.configuration();
        requireValidBatchSize(configuration);
        RequestItems<I> request = reader.read(
                exchange, new ExchangeInputs(exchange, configuration), context.operation().operationName());
        List<I> items = request.items();

        Written<R> written = write(items, context);
        List<ItemResult<R>> outcomes = written.outcomes();
        if (written.interruption() != null) {
            throw withEarlierResults(written.interruption(), outcomes.size(), items.size(), outcomes);
        }
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
     * Sends validated items in requests of {@code batchSize}. Stops at the first request that fails as a whole: the
     * outcomes then cover only the items before that request, and {@link Written#interruption()} is its exception.
     */
    Written<R> write(List<I> items, ProducerContext context) {
        int batchSize = context.configuration().getBatchSize();
        List<ItemResult<R>> outcomes = new ArrayList<>(items.size());
        int requests = 0;
        String lastRequestId = null;
        RateLimitStatus rateLimit = null;
        for (int from = 0; from < items.size(); from += batchSize) {
            List<I> chunk = items.subList(from, Math.min(items.size(), from + batchSize));
            ApiResponse<?> response;
            try {
                response = context.client().call(context.operation(), MimecastRequest.of(chunk), responseType);
            } catch (MimecastApiException e) {
                return new Written<>(outcomes, requests, lastRequestId, rateLimit, e);
            }
            requests += response.attempts();
            lastRequestId = response.requestId();
            rateLimit = response.rateLimit();
            outcomes.addAll(match(chunk, response, context.mapper()));
        }
        return new Written<>(outcomes, requests, lastRequestId, rateLimit, null);
    }

    /**
     * What writing a list came to.
     *
     * @param outcomes      one per item sent and answered, in input order
     * @param requests      the HTTP requests that were answered (batches and retries)
     * @param lastRequestId the request id of the last answered request, null if none was
     * @param rateLimit     the rate limit of the last answered request, null if none was
     * @param interruption  the failure of the request that stopped the write, or null when every item was answered
     */
    record Written<R>(List<ItemResult<R>> outcomes, int requests, String lastRequestId, RateLimitStatus rateLimit,
            MimecastApiException interruption) {
    }

    /**
     * Pairs each item of a chunk with its failure (by echoed key) or with the next data item, in order. When a failure
     * names no item, the items without a failure of their own cannot be told apart from it: they are reported as
     * unconfirmed, never as applied.
     */
    private List<ItemResult<R>> match(List<I> chunk, ApiResponse<?> response, ObjectMapper mapper) {
        List<JsonNode> sent = chunk.stream().map(item -> (JsonNode) mapper.valueToTree(item)).toList();
        FailureMatcher.Matches matches = FailureMatcher.match(sent, response.body().fail());
        Iterator<?> data = response.body().data().iterator();
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
                Object dataItem = successHasData && data.hasNext() ? data.next() : null;
                outcomes.add(new ItemResult<>(item, resultOf.apply(item, dataItem), null));
            }
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static ItemFailure unconfirmed(JsonNode item, List<ItemFailure> unmatched, ObjectMapper mapper) {
        Map<String, Object> key = mapper.convertValue(item, Map.class);
        String unmatchedText = unmatched.stream().map(ItemFailure::describe).collect(Collectors.joining("; "));
        return new ItemFailure(key, List.of(new ApiError(UNCONFIRMED,
                "not confirmed: the response has " + unmatched.size() + " failure(s) that name no item of the request ("
                                                      + unmatchedText + "), so this item may or may not be applied",
                false)));
    }

    /** A later batch failed: say which items were already applied, so that nothing is lost or applied twice. */
    private MimecastApiException withEarlierResults(
            MimecastApiException e, int failedFrom, int total, List<ItemResult<R>> earlier) {
        if (failedFrom == 0) {
            return e;
        }
        List<R> applied = earlier.stream().filter(ItemResult::isSuccess).map(ItemResult::result).toList();
        return new MimecastApiException(
                e.getMessage() + ". Items 0.." + (failedFrom - 1) + " of " + total + " were sent before ("
                                        + applied.size() + " succeeded, see getSucceeded()); items " + failedFrom
                                        + ".." + (total - 1) + " are not confirmed",
                e.getOperation(), e.getHttpStatus(), e.getRequestId(), e.isRetryable(), e.getFailures(), applied, e);
    }
}
