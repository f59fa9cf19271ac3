package org.apache.camel.component.mimecast.directory.producer;

import org.apache.camel.Exchange;

/**
 * Runs one operation for an exchange: reads the input, calls Mimecast and sets the body and headers.
 */
interface OperationHandler {

    void process(Exchange exchange, ProducerContext context);
}
