package org.apache.camel.component.mimecast.benchmarks;

import org.apache.camel.builder.RouteBuilder;

/**
 * The same two jobs as {@link HandWrittenRoute} with the component: a bulk add (batches of 10, idempotent repeats,
 * calls overlapped) and a full read (every page along the cursor). The group comes in the
 * CamelMimecastDirectoryGroupId header, the credentials from the component's configuration.
 */
final class ComponentRoute extends RouteBuilder {

    static final String ADD = "direct:component-add";
    static final String READ = "direct:component-read";

    private final long responseTimeout;

    ComponentRoute(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    @Override
    public void configure() {
        from(ADD)
                .to("mimecast-directory:add-group-member?responseTimeout=" + responseTimeout);

        from(READ)
                .to("mimecast-directory:get-group-members?paginate=true&pageSize=500&responseTimeout="
                    + responseTimeout);
    }
}
