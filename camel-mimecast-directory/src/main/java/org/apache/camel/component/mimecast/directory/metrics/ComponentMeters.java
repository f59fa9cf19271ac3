package org.apache.camel.component.mimecast.directory.metrics;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.consumer.GroupStatistics;

/**
 * What the component tells its meters. Meters are published on the Micrometer {@code MeterRegistry} found in
 * Camel's registry (camel-micrometer, Spring Boot Actuator and Quarkus bind one); without Micrometer on the classpath,
 * or without a registry, nothing is published and Micrometer is never loaded.
 */
public interface ComponentMeters extends AutoCloseable {

    /** Publishes nothing. */
    ComponentMeters NONE = new ComponentMeters() {
    };

    /** The meters of the component's CamelContext: Micrometer's when a MeterRegistry is bound, else {@link #NONE}. */
    static ComponentMeters of(CamelContext context) {
        try {
            Class<?> registryType = Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                    ComponentMeters.class.getClassLoader());
            Object registry = context.getRegistry().findSingleByType(registryType);
            return registry == null ? NONE : MicrometerMeters.on(registry);
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
    }

    /** An endpoint's client started: its calls count from now on. */
    default void clientStarted(MimecastDirectoryOperation operation, MimecastClient client) {
    }

    /** A consumer finished a poll. */
    default void consumerPolled(GroupStatistics statistics) {
    }

    /** The component stops: its meters leave the registry. */
    @Override
    default void close() {
    }
}
