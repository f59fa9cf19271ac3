package org.apache.camel.component.mimecast.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.component.mimecast.directory.client.CallStatistics;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.RateLimitStatus;
import org.apache.camel.component.mimecast.directory.consumer.GroupStatistics;
import org.apache.camel.component.mimecast.directory.consumer.MimecastDirectoryConsumer;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The developer console of the component ({@code camel get} and the dev console's "mimecast-directory" page): per
 * endpoint its calls, the rate limit Mimecast last reported, the last call and error; per consumer its watched groups
 * with their last read, member count, changes delivered and last error. Endpoints show as Camel masks them; messages
 * are the component's own, free of secrets.
 */
@DevConsole(name = "mimecast-directory", displayName = "Mimecast Directory",
            description = "Mimecast Directory endpoints: rate limits, calls, errors and watched groups")
public class MimecastDirectoryDevConsole extends AbstractDevConsole {

    public MimecastDirectoryDevConsole() {
        super("camel", "mimecast-directory", "Mimecast Directory",
              "Mimecast Directory endpoints: rate limits, calls, errors and watched groups");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> endpoints = new ArrayList<>();
        for (MimecastDirectoryEndpoint endpoint : endpoints()) {
            endpoints.add(describe(endpoint));
        }
        root.put("endpoints", endpoints);
        return root;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (MimecastDirectoryEndpoint endpoint : endpoints()) {
            JsonObject e = describe(endpoint);
            text.append("Endpoint: ").append(e.get("uri")).append('\n');
            text.append("    Calls: ").append(e.get("calls")).append(" (failed: ").append(e.get("failures"))
                    .append(")\n");
            appendIfPresent(text, "    Rate limit: ", e.get("rateLimit"));
            appendIfPresent(text, "    Last call: ", e.get("lastCall"));
            appendIfPresent(text, "    Last error: ", e.get("lastError"));
            Object groups = e.get("groups");
            if (groups instanceof List<?> list) {
                for (Object group : list) {
                    JsonObject g = (JsonObject) group;
                    text.append("    Group ").append(g.get("groupId")).append(": members ").append(g.get("members"))
                            .append(", changes delivered ").append(g.get("changesEmitted"))
                            .append(", last read ").append(g.get("lastRead"));
                    if (g.get("lastError") != null) {
                        text.append(", last error: ").append(g.get("lastError"));
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private static void appendIfPresent(StringBuilder text, String label, Object value) {
        if (value != null) {
            text.append(label).append(value).append('\n');
        }
    }

    private List<MimecastDirectoryEndpoint> endpoints() {
        return getCamelContext().getEndpoints().stream().filter(MimecastDirectoryEndpoint.class::isInstance)
                .map(MimecastDirectoryEndpoint.class::cast).toList();
    }

    private JsonObject describe(MimecastDirectoryEndpoint endpoint) {
        JsonObject json = new JsonObject();
        json.put("uri", endpoint.toString());
        json.put("operation", endpoint.getOperation().operationName());
        MimecastClient client = endpoint.getClientIfCreated();
        if (client != null) {
            CallStatistics statistics = client.statistics();
            json.put("calls", statistics.calls());
            json.put("failures", statistics.failures());
            RateLimitStatus rateLimit = client.rateLimitStatus();
            if (rateLimit.limit() != null || rateLimit.remaining() != null) {
                JsonObject limits = new JsonObject();
                limits.put("limit", rateLimit.limit());
                limits.put("remaining", rateLimit.remaining());
                limits.put("resetMillis", rateLimit.resetMillis());
                json.put("rateLimit", limits);
            }
            if (statistics.lastCall() != null) {
                json.put("lastCall", statistics.lastCall().at() + " " + statistics.lastCall().operation()
                                     + (statistics.lastCall().error() == null ? " ok" : " failed"));
            }
            if (statistics.lastFailure() != null) {
                json.put("lastError", statistics.lastFailure().at() + " " + statistics.lastFailure().error());
            }
        } else {
            json.put("calls", 0);
            json.put("failures", 0);
        }
        List<JsonObject> groups = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof MimecastDirectoryConsumer consumer && route.getEndpoint() == endpoint) {
                for (GroupStatistics.Group group : consumer.getGroupStatistics().groups().values()) {
                    JsonObject g = new JsonObject();
                    g.put("groupId", group.groupId());
                    g.put("lastRead", group.lastRead() == null ? null : group.lastRead().toString());
                    g.put("members", group.members());
                    g.put("changesEmitted", group.changesEmitted());
                    g.put("lastError", group.lastError());
                    groups.add(g);
                }
            }
        }
        if (!groups.isEmpty()) {
            json.put("groups", groups);
        }
        return json;
    }
}
