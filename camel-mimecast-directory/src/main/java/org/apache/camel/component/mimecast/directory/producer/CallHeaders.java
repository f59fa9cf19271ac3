package org.apache.camel.component.mimecast.directory.producer;

import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.client.RateLimitStatus;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.RATE_LIMIT_LIMIT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.RATE_LIMIT_REMAINING;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.RATE_LIMIT_RESET;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_ID;

/**
 * Sets the headers every operation reports: the last request id, the number of requests and the rate limit.
 */
final class CallHeaders {

    private CallHeaders() {
    }

    static void set(Message message, String lastRequestId, int requestCount, RateLimitStatus rateLimit) {
        message.setHeader(REQUEST_ID, lastRequestId);
        message.setHeader(REQUEST_COUNT, requestCount);
        if (rateLimit != null) {
            setIfKnown(message, RATE_LIMIT_LIMIT, rateLimit.limit());
            setIfKnown(message, RATE_LIMIT_REMAINING, rateLimit.remaining());
            setIfKnown(message, RATE_LIMIT_RESET, rateLimit.resetMillis());
        }
    }

    private static void setIfKnown(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
