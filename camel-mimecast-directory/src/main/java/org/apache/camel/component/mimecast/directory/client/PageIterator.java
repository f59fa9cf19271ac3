package org.apache.camel.component.mimecast.directory.client;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;

/**
 * Reads the pages of a paged operation one at a time, following {@code meta.pagination.next} until it is absent.
 * Only the current page is held. A token that comes back twice ends the iteration with an error instead of looping
 * forever.
 *
 * @param <T> the type of the data items
 */
public final class PageIterator<T> implements Iterator<ApiResponse<T>> {

    private final MimecastClient client;
    private final MimecastDirectoryOperation operation;
    private final Object item;
    private final Integer pageSize;
    private final Class<T> itemType;
    private final Set<String> seenTokens = new HashSet<>();
    private String nextToken;
    private boolean started;

    public PageIterator(MimecastClient client, MimecastDirectoryOperation operation, Object item, Integer pageSize,
                        String startToken, Class<T> itemType) {
        this.client = client;
        this.operation = operation;
        this.item = item;
        this.pageSize = pageSize;
        this.itemType = itemType;
        this.nextToken = startToken;
        if (startToken != null) {
            seenTokens.add(startToken);
        }
    }

    @Override
    public boolean hasNext() {
        return !started || nextToken != null;
    }

    /**
     * Reads the next page.
     *
     * @throws MimecastApiException when the page has {@code fail[]} entries or the call fails
     */
    @Override
    public ApiResponse<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more " + operation + " pages");
        }
        started = true;
        ApiResponse<T> page = client.call(operation, MimecastRequest.paged(item, pageSize, nextToken), itemType);
        List<ItemFailure> failures = page.body().fail();
        if (!failures.isEmpty()) {
            throw MimecastApiException.forItemFailures(operation, page.requestId(), failures, List.of(), 1);
        }
        String next = page.body().nextPageToken();
        if (next != null && !seenTokens.add(next)) {
            throw new MimecastApiException(
                    operation + " returned page token '" + client.redactor().redact(next)
                                           + "' a second time; stopping instead of looping",
                    operation.operationName(), 200, page.requestId(), false, List.of(), List.of(), null);
        }
        nextToken = next;
        return page;
    }
}
