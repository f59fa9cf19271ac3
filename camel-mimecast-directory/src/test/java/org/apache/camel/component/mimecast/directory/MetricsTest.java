package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's meters on the MeterRegistry bound in Camel's registry: each moves with calls, a 429, a retry and a
 * poll, and they leave the registry when Camel stops.
 */
class MetricsTest extends MimecastTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meterRegistry", meters);
        return context;
    }

    private double counter(String name, String... tags) {
        FunctionCounter counter = meters.find(name).tags(tags).functionCounter();
        return counter == null ? -1 : counter.count();
    }

    @Test
    void metersMoveWithCallsRateLimitsRetriesAndPolls() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMember(group, "a@example.com", null);
        emulator().faults().rateLimit(1, 50).status(1, 503);

        template.requestBody("mimecast-directory:get-group-members?groupId=" + group, (Object) null);
        template.requestBody("mimecast-directory:add-group-member?groupId=" + group, List.of("b@example.com"));

        assertEquals(1, counter("mimecast.directory.calls", "operation", "get-group-members", "outcome", "success"));
        assertEquals(0, counter("mimecast.directory.calls", "operation", "get-group-members", "outcome", "failure"));
        assertEquals(1, counter("mimecast.directory.calls", "operation", "add-group-member", "outcome", "success"));
        assertEquals(1, counter("mimecast.directory.rate.limited", "operation", "get-group-members"), "one 429");
        // The emulator's faults meet the next requests in turn: the read got the 429, then the 503, then its answer.
        assertEquals(1, counter("mimecast.directory.retries", "operation", "get-group-members"), "one 503 retried");
        assertEquals(3, counter("mimecast.directory.requests", "operation", "get-group-members"));
        assertEquals(1, counter("mimecast.directory.requests", "operation", "add-group-member"));
        assertTrue(meters.find("mimecast.directory.call.duration").tags("operation", "add-group-member")
                .functionTimer().totalTime(TimeUnit.NANOSECONDS) > 0);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?mode=changes&delay=100&initialDelay=0&groupId=" + group)
                        .routeId("watch").to("mock:changes");
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> counter("mimecast.directory.changes.emitted", "group",
                group) == 2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> meters.find("mimecast.directory.poll.duration")
                .functionTimer() != null && meters.find("mimecast.directory.poll.duration").functionTimer().count() > 0);
        assertEquals(0, meters.find("mimecast.directory.groups.failing").gauge().value());

        context.stop();
        assertTrue(meters.find("mimecast.directory.calls").meters().isEmpty(), "meters removed when Camel stops");
    }
}
