package org.apache.camel.component.mimecast.directory.producer;

import java.util.List;
import java.util.Map;

import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryEndpoint;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.RateLimitStatus;
import org.apache.camel.component.mimecast.directory.model.Connection;
import org.apache.camel.component.mimecast.directory.model.MimecastRequest;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Probes Mimecast with get-connection (one cheap signed call): DOWN with the HTTP status and error codes when it
 * fails. Reports the last rate limit seen. Registered in Camel's "producers" health check repository, which is off
 * unless enabled (as for every Camel producer health check), because each probe uses the API quota.
 */
public class MimecastDirectoryProducerHealthCheck extends AbstractHealthCheck {

    private final MimecastDirectoryEndpoint endpoint;

    public MimecastDirectoryProducerHealthCheck(MimecastDirectoryEndpoint endpoint, String clientId) {
        super("camel", "producer:mimecast-directory-" + clientId);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        MimecastClient client = endpoint.getClient();
        try {
            client.call(MimecastDirectoryOperation.GET_CONNECTION, MimecastRequest.of(List.of()), Connection.class);
            builder.up();
        } catch (MimecastApiException e) {
            builder.detail("http.status", e.getHttpStatus());
            builder.detail("mimecast.error.codes", String.join(",", e.getErrorCodes()));
            builder.message(e.getMessage()).error(e).down();
        } catch (RuntimeException e) {
            builder.message(e.getMessage()).error(e).down();
        } finally {
            RateLimitStatus rateLimit = client.rateLimitStatus();
            if (rateLimit.limit() != null) {
                builder.detail("rate.limit", rateLimit.limit());
            }
            if (rateLimit.remaining() != null) {
                builder.detail("rate.limit.remaining", rateLimit.remaining());
            }
        }
    }
}
