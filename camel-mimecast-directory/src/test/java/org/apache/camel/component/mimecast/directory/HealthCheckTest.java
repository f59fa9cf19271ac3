package org.apache.camel.component.mimecast.directory;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.support.HealthChecks;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthCheckTest extends MimecastTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return HealthChecks.enable(super.createCamelContext());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:members").routeId("producer").to("mimecast-directory:find-groups");
                from("mimecast-directory:get-group-members?groupId=group-404&delay=100&initialDelay=0&maxRetries=0")
                        .routeId("watch").to("log:members");
            }
        };
    }

    @Test
    void producerCheckProbesGetConnectionAndGoesDownOnFailure() {
        HealthCheckRegistry registry = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        registry.getRepository("producers").ifPresent(r -> ((HealthCheckRepository) r).setEnabled(true));

        HealthCheck.Result up = producerCheck();
        assertEquals(HealthCheck.State.UP, up.getState(), String.valueOf(up.getMessage()));
        assertTrue(emulator().requests("get-connection").size() >= 1, "probed with get-connection");

        emulator().faults().status(10, 418);
        HealthCheck.Result down = producerCheck();
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertEquals(418, down.getDetails().get("http.status"));
        assertEquals("err_xdk_binding_expired", down.getDetails().get("mimecast.error.codes"));
    }

    @Test
    void consumerCheckIsDownWhileCallsFail() {
        // What camel-main does with camel.health.consumersEnabled=true.
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        // group-404 does not exist: every poll fails with err_folder_not_found.
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerState().filter(s -> s == HealthCheck.State.DOWN)
                .isPresent());
    }

    private HealthCheck.Result producerCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        return results.stream().filter(r -> r.getCheck().getId().startsWith("producer:mimecast-directory"))
                .findFirst().orElseThrow(() -> new AssertionError("no producer check in " + results));
    }

    private Optional<HealthCheck.State> consumerState() {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals("consumer:watch"))
                .map(HealthCheck.Result::getState).findFirst();
    }
}
