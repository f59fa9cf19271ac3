package org.apache.camel.component.mimecast.directory.producer;

import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DESCRIPTION;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DOMAIN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.EMAIL_ADDRESS;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.NOTES;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_SIZE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PARENT_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.QUERY;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.SOURCE;

/**
 * The input values of one exchange: a header when present, otherwise the endpoint option of the same name.
 */
public final class ExchangeInputs {

    private final Exchange exchange;
    private final MimecastDirectoryConfiguration configuration;

    public ExchangeInputs(Exchange exchange, MimecastDirectoryConfiguration configuration) {
        this.exchange = exchange;
        this.configuration = configuration;
    }

    public String groupId() {
        return text(GROUP_ID, configuration.getGroupId());
    }

    public String query() {
        return text(QUERY, configuration.getQuery());
    }

    public String source() {
        return text(SOURCE, configuration.getSource());
    }

    public String description() {
        return text(DESCRIPTION, configuration.getDescription());
    }

    public String parentId() {
        return text(PARENT_ID, configuration.getParentId());
    }

    public String emailAddress() {
        return text(EMAIL_ADDRESS, configuration.getEmailAddress());
    }

    public String domain() {
        return text(DOMAIN, configuration.getDomain());
    }

    public String notes() {
        return text(NOTES, configuration.getNotes());
    }

    public String pageToken() {
        return text(PAGE_TOKEN, configuration.getPageToken());
    }

    /** The page size, checked to be positive. */
    public Integer pageSize() {
        Object header = exchange.getMessage().getHeader(PAGE_SIZE);
        Integer size;
        if (header == null) {
            size = configuration.getPageSize();
        } else {
            size = exchange.getContext().getTypeConverter().tryConvertTo(Integer.class, exchange, header);
            if (size == null) {
                throw new MimecastValidationException(
                        "pageSize", "Header " + PAGE_SIZE + " must be a whole number, was '" + header + "'");
            }
        }
        if (size != null && size < 1) {
            throw new MimecastValidationException("pageSize", "pageSize must be 1 or more, was " + size);
        }
        return size;
    }

    private String text(String header, String option) {
        String value = exchange.getMessage().getHeader(header, String.class);
        return value != null ? value : option;
    }
}
