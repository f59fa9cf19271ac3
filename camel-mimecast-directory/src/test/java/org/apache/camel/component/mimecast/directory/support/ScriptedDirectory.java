package org.apache.camel.component.mimecast.directory.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * One group on a {@link HostileServer}, written by hand from the API pages rather than taken from our emulator: it
 * pages get-group-members and applies add-group-member and remove-group-member, answering "already a member" and "not
 * a member" as Mimecast does. A fault can be put on any write request by its number (1-based): a 503 that applies
 * nothing, a connection dropped after applying, or a reply slower than the client waits after applying.
 */
public final class ScriptedDirectory {

    /** What the n-th write request meets. */
    public enum Fault {
        NONE, STATUS_503_NOT_APPLIED, DROPPED_AFTER_APPLYING, SLOW_AFTER_APPLYING
    }

    /** Decides the fault of each write request by its number. */
    @FunctionalInterface
    public interface FaultPlan {
        Fault of(int writeNumber);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String groupId;
    private final Set<String> members = new LinkedHashSet<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final long slowMillis;
    private volatile FaultPlan faults = n -> Fault.NONE;
    private volatile long latencyMillis;

    /** @param slowMillis how long a slow reply takes (longer than the client's responseTimeout) */
    public ScriptedDirectory(HostileServer server, String groupId, long slowMillis) {
        this.groupId = groupId;
        this.slowMillis = slowMillis;
        server.on("/api/directory/get-group-members", this::read);
        server.on("/api/directory/add-group-member", (exchange, body) -> write(exchange, body, true));
        server.on("/api/directory/remove-group-member", (exchange, body) -> write(exchange, body, false));
    }

    public ScriptedDirectory faults(FaultPlan plan) {
        this.faults = plan;
        return this;
    }

    /** Every request waits this long before it is answered. */
    public ScriptedDirectory latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    private void pause() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public synchronized ScriptedDirectory members(List<String> addresses) {
        addresses.forEach(a -> members.add(a.toLowerCase(Locale.ROOT)));
        return this;
    }

    public synchronized Set<String> members() {
        return new LinkedHashSet<>(members);
    }

    /** Write requests received, faults included. */
    public int writes() {
        return writes.get();
    }

    private void read(HttpExchange exchange, String body) throws IOException {
        pause();
        JsonNode request = JSON.readTree(body);
        JsonNode pagination = request.path("meta").path("pagination");
        int pageSize = pagination.path("pageSize").asInt(25);
        int start = pagination.hasNonNull("pageToken") ? Integer.parseInt(pagination.get("pageToken").asText()) : 0;
        List<String> all;
        synchronized (this) {
            all = new ArrayList<>(members);
        }
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode meta = reply.putObject("meta").put("status", 200);
        ObjectNode page = meta.putObject("pagination").put("pageSize", pageSize);
        if (start + pageSize < all.size()) {
            page.put("next", String.valueOf(start + pageSize));
        }
        ArrayNode groupMembers = reply.putArray("data").addObject().putArray("groupMembers");
        for (String member : all.subList(Math.min(start, all.size()), Math.min(all.size(), start + pageSize))) {
            groupMembers.addObject().put("emailAddress", member).put("domain", member.substring(member.indexOf('@') + 1))
                    .put("type", "created_manually");
        }
        reply.putArray("fail");
        HostileServer.json(200, reply.toString()).send(exchange, body);
    }

    private void write(HttpExchange exchange, String body, boolean add) throws IOException {
        pause();
        Fault fault = faults.of(writes.incrementAndGet());
        if (fault == Fault.STATUS_503_NOT_APPLIED) {
            HostileServer.json(503, "{\"meta\":{\"status\":503},\"data\":[],\"fail\":[]}").send(exchange, body);
            return;
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.putObject("meta").put("status", 200);
        ArrayNode data = reply.putArray("data");
        ArrayNode fail = reply.putArray("fail");
        for (JsonNode item : JSON.readTree(body).path("data")) {
            String address = item.path("emailAddress").asText().toLowerCase(Locale.ROOT);
            boolean changed;
            synchronized (this) {
                changed = add ? members.add(address) : members.remove(address);
            }
            if (changed) {
                data.addObject().put("folderId", groupId).put("emailAddress", item.path("emailAddress").asText())
                        .put("id", "member-" + address.hashCode()).put("internal", true);
            } else {
                ObjectNode failure = fail.addObject();
                failure.putObject("key").put("id", item.path("id").asText())
                        .put("emailAddress", item.path("emailAddress").asText());
                failure.putArray("errors").addObject()
                        .put("code", add ? "err_folder_group_member_already_exists" : "err_folder_email_address_not_found")
                        .put("message", add ? "already a member" : "not a member").put("retryable", false);
            }
        }
        if (fault == Fault.DROPPED_AFTER_APPLYING) {
            // Applied, then the connection breaks half way through the reply.
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 10_000);
            exchange.getResponseBody().write("{\"meta\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            throw new IOException("dropped on purpose");
        }
        if (fault == Fault.SLOW_AFTER_APPLYING) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        HostileServer.json(200, reply.toString()).send(exchange, body);
    }
}
