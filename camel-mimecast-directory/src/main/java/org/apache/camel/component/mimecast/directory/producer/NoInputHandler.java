package org.apache.camel.component.mimecast.directory.producer;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.client.ApiResponse;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;

/**
 * get-connection and execute-sync: an empty {@code data} array; the body is the single result item.
 *
 * @param <R> the result type
 */
final class NoInputHandler<R> implements OperationHandler {

    private final Class<R> resultType;

    NoInputHandler(Class<R> resultType) {
        this.resultType = resultType;
    }

    @Override
    public void process(Exchange exchange, ProducerContext context) {
        ApiResponse<R> response = context.client().call(context.operation(), MimecastRequest.of(List.of()), resultType);
        List<ItemFailure> failures = response.body().fail();
        if (!failures.isEmpty()) {
            throw MimecastApiException.forItemFailures(context.operation(), response.requestId(), failures, List.of(), 1);
        }
        List<R> data = response.body().data();
        if (data.isEmpty()) {
            throw MimecastApiException.ofRequest(
                    context.operation() + " returned no data (request id " + response.requestId() + ")",
                    context.operation().operationName(), 200, response.requestId(), false);
        }
        Message message = exchange.getMessage();
        message.setBody(data.get(0));
        CallHeaders.set(message, response.requestId(), response.attempts(), response.rateLimit());
    }
}
