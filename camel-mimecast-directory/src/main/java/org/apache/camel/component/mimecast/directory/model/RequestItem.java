package org.apache.camel.component.mimecast.directory.model;

/**
 * An item of a request's {@code data[]} array that can check itself before it is sent.
 */
public interface RequestItem {

    /**
     * Checks that the item is complete and well formed for the given operation.
     *
     * @param  operation                                                       the operation name, used in messages
     * @throws org.apache.camel.component.mimecast.directory.MimecastValidationException naming the field and the fix
     */
    void validate(String operation);
}
