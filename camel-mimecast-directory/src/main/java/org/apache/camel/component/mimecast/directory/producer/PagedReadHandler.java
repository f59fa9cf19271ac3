package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.client.ApiResponse;
import org.apache.camel.component.mimecast.directory.client.PageIterator;
import org.apache.camel.component.mimecast.directory.model.RequestItem;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.NEXT_PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_SIZE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PREVIOUS_PAGE_TOKEN;

/**
 * find-groups and get-group-members: one query, one page (tokens in headers) or, with {@code paginate=true}, every
 * page. The body is the flat list of items (groups or members) of the pages read.
 *
 * @param <I> the request item type
 * @param <R> the response data item type
 * @param <T> the type of the items returned in the body
 */
final class PagedReadHandler<I extends RequestItem, R, T> implements OperationHandler {

    private final RequestItemReader<I> reader;
    private final Class<R> responseType;
    private final Function<R, List<T>> itemsOf;

    PagedReadHandler(RequestItemReader<I> reader, Class<R> responseType, Function<R, List<T>> itemsOf) {
        this.reader = reader;
        this.responseType = responseType;
        this.itemsOf = itemsOf;
    }

    @Override
    public void process(Exchange exchange, ProducerContext context) {
        String operation = context.operation().operationName();
        RequestItems<I> request = reader.read(exchange, context.configuration(), operation);
        if (request.items().size() != 1) {
            throw new MimecastValidationException(
                    "body", operation + " takes one query per call, got " + request.items().size()
                            + ": split the list and call once per item");
        }
        Integer pageSize = ExchangeInputs.pageSize(exchange, context.configuration());
        String pageToken = exchange.getMessage().getHeader(PAGE_TOKEN, context.configuration().getPageToken(),
                String.class);
        Pages<R, T> pages = read(context, request.items().get(0), pageSize, pageToken,
                context.configuration().isPaginate());

        ApiResponse<R> page = pages.lastPage();
        Message message = exchange.getMessage();
        message.setBody(pages.items());
        message.setHeader(NEXT_PAGE_TOKEN, page.body().nextPageToken());
        message.setHeader(PREVIOUS_PAGE_TOKEN, page.body().previousPageToken());
        message.setHeader(PAGE_SIZE, page.body().pageSize() != null ? page.body().pageSize() : pageSize);
        CallHeaders.set(message, page.requestId(), pages.requests(), page.rateLimit());
    }

    /**
     * Reads one page, or every page from {@code pageToken} to the end.
     *
     * @param pageSize  the page size, or null for Mimecast's default
     * @param pageToken the page to start from, or null for the first
     */
    Pages<R, T> read(ProducerContext context, I query, Integer pageSize, String pageToken, boolean allPages) {
        PageIterator<R> pages = new PageIterator<>(
                context.client(), context.operation(), query, pageSize, pageToken, responseType);
        List<T> items = new ArrayList<>();
        int requests = 0;
        ApiResponse<R> page;
        do {
            page = pages.next();
            requests += page.attempts();
            page.body().data().forEach(data -> items.addAll(nullToEmpty(itemsOf.apply(data))));
        } while (allPages && pages.hasNext());
        return new Pages<>(items, page, requests);
    }

    /**
     * The items of the pages read.
     *
     * @param items    the items of every page, in order
     * @param lastPage the last page read
     * @param requests the HTTP requests it took (pages and retries)
     */
    record Pages<R, T>(List<T> items, ApiResponse<R> lastPage, int requests) {
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
