package org.apache.camel.component.mimecast.directory.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;

/**
 * The text of a request body given as text, bytes, a stream, a reader or a file consumer's file, for the readers of
 * every operation.
 */
final class BodyText {

    private BodyText() {
    }

    /**
     * The body's text without a leading byte order mark, or null when the body is not text in any of those forms. A
     * resettable stream is reset after reading, so that a redelivery of the exchange reads it again; empty bytes or an
     * exhausted stream are refused, since a stream read by an earlier attempt looks just like that.
     */
    static String of(Exchange exchange, String operation) {
        Object body = exchange.getMessage().getBody();
        String text;
        if (body instanceof CharSequence chars) {
            text = chars.toString();
        } else if (body instanceof byte[] || body instanceof InputStream || body instanceof Reader
                   || body instanceof WrappedFile<?>) {
            text = read(exchange, body);
            if (text != null && text.isBlank()) {
                throw new MimecastValidationException(
                        "body", operation + " got an empty " + body.getClass().getSimpleName() + " body: a stream"
                                + " reads once, so enable stream caching where the route may send it again; send no"
                                + " body (null) to use headers and options");
            }
        } else {
            return null;
        }
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String read(Exchange exchange, Object body) {
        InputStream resettable = body instanceof InputStream in && in.markSupported() ? in : null;
        if (resettable != null) {
            resettable.mark(Integer.MAX_VALUE);
        }
        String text = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body);
        if (resettable != null) {
            try {
                resettable.reset();
            } catch (IOException e) {
                // not resettable after all: a redelivery finds it empty and is refused
            }
        }
        return text;
    }
}
