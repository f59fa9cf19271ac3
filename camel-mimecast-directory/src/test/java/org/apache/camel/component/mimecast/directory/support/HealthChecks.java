package org.apache.camel.component.mimecast.directory.support;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;

/** Health checks for a test's CamelContext, as camel-main sets them up when camel-health is present. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** Adds a health check registry to the context and returns the context. */
    public static CamelContext enable(CamelContext context) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }
}
