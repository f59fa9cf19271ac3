package org.apache.camel.component.mimecast.directory.producer;

import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;

/**
 * What an operation handler needs from its endpoint.
 *
 * @param operation     the operation to run
 * @param client        the endpoint's client
 * @param configuration the endpoint's options
 * @param mapper        the component's JSON mapper
 * @param calls         the executor that overlaps independent calls, or null to make them one after the other
 */
record ProducerContext(MimecastDirectoryOperation operation, MimecastClient client,
        MimecastDirectoryConfiguration configuration, ObjectMapper mapper, ExecutorService calls) {

    /** The same endpoint, for another operation (the calls a composed operation makes). */
    ProducerContext forOperation(MimecastDirectoryOperation other) {
        return new ProducerContext(other, client, configuration, mapper, calls);
    }
}
