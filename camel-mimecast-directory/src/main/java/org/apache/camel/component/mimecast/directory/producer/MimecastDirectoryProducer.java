package org.apache.camel.component.mimecast.directory.producer;

import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryEndpoint;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.OPERATION;

/**
 * Runs the endpoint's operation (or the one in the {@code CamelMimecastDirectoryOperation} header) for each exchange.
 */
public class MimecastDirectoryProducer extends DefaultProducer {

    private final OperationHandlers handlers;
    private WritableHealthCheckRepository healthCheckRepository;
    private MimecastDirectoryProducerHealthCheck healthCheck;

    public MimecastDirectoryProducer(MimecastDirectoryEndpoint endpoint) {
        super(endpoint);
        this.handlers = new OperationHandlers(endpoint.getRequestMapper());
    }

    @Override
    public MimecastDirectoryEndpoint getEndpoint() {
        return (MimecastDirectoryEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Health checks are optional: only when camel-health provides the producers repository.
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new MimecastDirectoryProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        MimecastDirectoryEndpoint endpoint = getEndpoint();
        MimecastDirectoryOperation operation = operationOf(exchange, endpoint.getOperation());
        ProducerContext context = new ProducerContext(
                operation, endpoint.getClient(), endpoint.getConfiguration(), endpoint.getObjectMapper(),
                endpoint.getCallExecutor());
        handlers.get(operation).process(exchange, context);
    }

    private static MimecastDirectoryOperation operationOf(Exchange exchange, MimecastDirectoryOperation fallback) {
        Object header = exchange.getMessage().getHeader(OPERATION);
        if (header instanceof MimecastDirectoryOperation operation) {
            return operation;
        }
        return header == null ? fallback : MimecastDirectoryOperation.fromName(header.toString());
    }
}
