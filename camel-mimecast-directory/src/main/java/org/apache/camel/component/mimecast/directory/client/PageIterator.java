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
 * Only the current page is held. A server cannot keep the reader paging for ever: a token that comes back twice, the
 * same page content with fresh tokens {@value #MAX_REPEATED_PAGES} times in a row, or more than {@value #MAX_PAGES}
 * pages end the iteration with an error.
 *
 * @param <T> the type of the data items
 */
public final class PageIterator<T> implements Iterator<ApiResponse<T>> {

    /** Far beyond any directory: 50 million members at 500 a page. */
    static final int MAX_PAGES = 100_000;
    /** A page repeated this many times in a row, each with a fresh next token, is a server going round in circles. */
    static final int MAX_REPEATED_PAGES = 3;

    private final MimecastClient client;
    private final MimecastDirectoryOperation operation;
    private final Object item;
    private final Integer pageSize;
    private final Class<T> itemType;
    private final Set<String> seenTokens = new HashSet<>();
    private String nextToken;
    private boolean started;
    private int pagesRead;
    private int repeatsOfLastData;
    private List<T> lastData;

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
            throw MimecastApiException.ofRequest(
                    operation + " returned page token '" + client.redactor().redact(next)
                                           + "' a second time; stopping instead of looping",
                    operation.operationName(), 200, page.requestId(), false);
        }
        pagesRead++;
        if (next != null) {
            checkProgress(page);
        }
        nextToken = next;
        return page;
    }

    private void checkProgress(ApiResponse<T> page) {
        List<T> data = page.body().data();
        repeatsOfLastData = data.equals(lastData) ? repeatsOfLastData + 1 : 1;
        lastData = data;
        if (repeatsOfLastData >= MAX_REPEATED_PAGES || pagesRead >= MAX_PAGES) {
            throw MimecastApiException.ofRequest(
                    operation + " keeps paging: " + (pagesRead >= MAX_PAGES ? pagesRead + " pages"
                            : repeatsOfLastData + " pages in a row with the same content, each with a new next token")
                                           + "; stopping instead of looping",
                    operation.operationName(), 200, page.requestId(), false);
        }
    }
}
