package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The developer console, found the way Camel's console finds it (by name, from the classpath), in JSON and text: per
 * endpoint the calls, the rate limit, the last call and error; per consumer the watched groups.
 */
class DevConsoleTest extends MimecastTestSupport {

    @Test
    void showsEndpointsRateLimitsErrorsAndWatchedGroups() throws Exception {
        emulator().rateLimit(1000, 3_600_000);
        String staff = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(staff, 7);
        AtomicInteger changes = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?mode=changes&delay=3600000&initialDelay=0&groupId=" + staff
                     + ",group-404&maxRetries=0").routeId("watch")
                        .process(e -> changes.addAndGet(e.getMessage().getBody(List.class).size()));
            }
        });
        await().until(() -> changes.get() == 7);
        emulator().faults().status(1, 403).onlyFor("find-groups");
        assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:find-groups?maxRetries=0", (Object) null));

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("mimecast-directory");
        assertNotNull(console, "resolved from META-INF/services by name");
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
        List<?> endpoints = (List<?>) json.get("endpoints");
        assertEquals(2, endpoints.size(), json.toJson());

        JsonObject watch = endpoint(endpoints, "get-group-members");
        assertEquals(1000, ((JsonObject) watch.get("rateLimit")).get("limit"));
        List<?> groups = (List<?>) watch.get("groups");
        JsonObject staffGroup = group(groups, staff);
        assertEquals(7, staffGroup.get("members"));
        assertEquals(7L, ((Number) staffGroup.get("changesEmitted")).longValue());
        assertNotNull(staffGroup.get("lastRead"));
        assertTrue(String.valueOf(group(groups, "group-404").get("lastError")).contains("group-404"),
                "the failing group is named with its error: " + groups);

        JsonObject find = endpoint(endpoints, "find-groups");
        assertEquals(1L, ((Number) find.get("failures")).longValue());
        assertTrue(String.valueOf(find.get("lastError")).contains("HTTP 403"), find.toJson());

        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertTrue(text.contains("Group " + staff + ": members 7, changes delivered 7"), text);
        assertTrue(text.contains("Last error: "), text);
        assertFalse(text.contains(emulator().credentials().secretKey()), "no secret in the console");
        assertFalse(json.toJson().contains(emulator().credentials().appKey()), "no secret in the console");
    }

    private static JsonObject endpoint(List<?> endpoints, String operation) {
        return endpoints.stream().map(JsonObject.class::cast).filter(e -> operation.equals(e.get("operation")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + operation + " endpoint in " + endpoints));
    }

    private static JsonObject group(List<?> groups, String id) {
        return groups.stream().map(JsonObject.class::cast).filter(g -> id.equals(g.get("groupId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + id + " in " + groups));
    }
}
