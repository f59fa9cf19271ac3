package org.apache.camel.component.mimecast.directory.producer;

import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_SIZE;

/**
 * The typed inputs of one exchange that are checked before use: a header when present, otherwise the endpoint option
 * of the same name. Text inputs need no check and are read with {@code Message.getHeader(name, option, String.class)}.
 */
final class ExchangeInputs {

    private ExchangeInputs() {
    }

    /** The page size, checked to be positive; null for Mimecast's default. */
    static Integer pageSize(Exchange exchange, MimecastDirectoryConfiguration configuration) {
        Integer size = headerOrOption(exchange, PAGE_SIZE, configuration.getPageSize(), Integer.class,
                "pageSize", "a whole number");
        if (size != null && size < 1) {
            throw new MimecastValidationException("pageSize", "pageSize must be 1 or more, was " + size);
        }
        return size;
    }

    /**
     * The header converted to {@code type}, or {@code option} when there is no header. Unlike
     * {@code Message.getHeader(name, default, type)}, a header that does not convert is bad input named as such.
     */
    static <T> T headerOrOption(Exchange exchange, String header, T option, Class<T> type, String field,
                                String expected) {
        Object value = exchange.getMessage().getHeader(header);
        if (value == null) {
            return option;
        }
        T converted = exchange.getContext().getTypeConverter().tryConvertTo(type, exchange, value);
        if (converted == null) {
            throw new MimecastValidationException(
                    field, "Header " + header + " must be " + expected + ", was '" + value + "'");
        }
        return converted;
    }
}
