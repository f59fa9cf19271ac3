package org.apache.camel.component.mimecast.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory.StoredGroup;
import org.apache.camel.component.mimecast.emulator.InMemoryDirectory.StoredMember;

/**
 * The nine Directory operations over an {@link InMemoryDirectory}, answering with Mimecast's envelope: results in
 * {@code data}, per item errors in {@code fail} (HTTP 200), request-level errors with a 4xx status.
 */
final class DirectoryApi {

    static final int DEFAULT_PAGE_SIZE = 25;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final InMemoryDirectory directory;
    private final ObjectMapper mapper;
    private final ApiErrors errors;
    private final FaultPlan faults;
    private final Map<String, Function<JsonNode, ApiReply>> operations;
    private volatile int maxItemsPerRequest = 10;

    DirectoryApi(InMemoryDirectory directory, ObjectMapper mapper, ApiErrors errors, FaultPlan faults) {
        this.directory = directory;
        this.faults = faults;
        this.mapper = mapper;
        this.errors = errors;
        this.operations = Map.of(
                "find-groups", this::findGroups,
                "get-group-members", this::getGroupMembers,
                "create-group", request -> write(request, this::createGroup),
                "update-group", request -> write(request, this::updateGroup),
                "delete-group", request -> write(request, this::deleteGroup),
                "add-group-member", request -> write(request, this::addGroupMember),
                "remove-group-member", request -> write(request, this::removeGroupMember),
                "get-connection", request -> single(connection()),
                "execute-sync", request -> {
                    directory.startSync();
                    return single(mapper.createObjectNode().put("syncStatus", "started").put("type", "full"));
                });
    }

    boolean knows(String operation) {
        return operations.containsKey(operation);
    }

    void setMaxItemsPerRequest(int maxItemsPerRequest) {
        this.maxItemsPerRequest = maxItemsPerRequest;
    }

    /** Answers a request whose envelope has already been checked to have a {@code data} array. */
    ApiReply handle(String operation, JsonNode request) {
        return operations.get(operation).apply(request);
    }

    // ---- paged reads

    private ApiReply findGroups(JsonNode request) {
        JsonNode query = firstItem(request);
        String text = textOrNull(query, "query");
        String source = textOrNull(query, "source");
        if (source != null && !source.equals("cloud") && !source.equals("ldap")) {
            return failOne(query, "err_validation_invalid_value", "source must be cloud or ldap");
        }
        List<StoredGroup> found = new ArrayList<>(directory.findGroups(text, source));
        return page(request, found, groups -> {
            ObjectNode item = mapper.createObjectNode();
            ArrayNode folders = item.putArray("folders");
            groups.forEach(g -> folders.add(group(g)));
            if (text != null) {
                item.put("query", text);
            }
            if (source != null) {
                item.put("source", source);
            }
            return item;
        });
    }

    private ApiReply getGroupMembers(JsonNode request) {
        JsonNode query = firstItem(request);
        String id = textOrNull(query, "id");
        if (id == null) {
            return failOne(query, "err_validation_null", "id must not be null");
        }
        if (directory.group(id).isEmpty()) {
            return failOne(query, "err_folder_not_found", "No group with id " + id);
        }
        ApiReply reply = page(request, directory.members(id), members -> {
            ObjectNode item = mapper.createObjectNode();
            ArrayNode list = item.putArray("groupMembers");
            members.forEach(m -> {
                ObjectNode member = list.addObject();
                if (m.emailAddress() != null) {
                    member.put("emailAddress", m.emailAddress()).put("name", m.name());
                }
                member.put("domain", m.domain()).put("type", m.emailAddress() != null ? "created_manually" : "domain")
                        .put("internal", m.internal());
            });
            return item;
        });
        if (reply.status() == 200) {
            faults.pageServed(id, pageNumber(request), directory);
        }
        return reply;
    }

    /** The 1-based number of the page a request asks for (tokens hold the offset). */
    private static int pageNumber(JsonNode request) {
        JsonNode pagination = request.path("meta").path("pagination");
        int pageSize = Math.max(1, pagination.path("pageSize").asInt(DEFAULT_PAGE_SIZE));
        int offset = pagination.hasNonNull("pageToken")
                ? decodeToken(pagination.get("pageToken").asText()).orElse(0) : 0;
        return offset / pageSize + 1;
    }

    private <T> ApiReply page(JsonNode request, List<T> all, Function<List<T>, ObjectNode> render) {
        JsonNode pagination = request.path("meta").path("pagination");
        int pageSize = pagination.path("pageSize").asInt(DEFAULT_PAGE_SIZE);
        if (pageSize < 1) {
            return errors.request(400, "err_validation_invalid_value", "pageSize must be 1 or more");
        }
        int offset = 0;
        if (pagination.hasNonNull("pageToken")) {
            Optional<Integer> decoded = decodeToken(pagination.get("pageToken").asText());
            if (decoded.isEmpty() || decoded.get() > all.size()) {
                return errors.request(400, "err_validation_invalid_page_token", "The pageToken is not valid");
            }
            offset = decoded.get();
        }
        int end = Math.min(all.size(), offset + pageSize);
        ObjectNode envelope = errors.envelope(200);
        ObjectNode meta = (ObjectNode) envelope.get("meta");
        ObjectNode page = meta.putObject("pagination").put("pageSize", pageSize);
        if (end < all.size()) {
            page.put("next", encodeToken(end));
        }
        if (offset > 0) {
            page.put("previous", encodeToken(Math.max(0, offset - pageSize)));
        }
        ((ArrayNode) envelope.get("data")).add(render.apply(all.subList(offset, end)));
        return ApiReply.json(200, envelope.toString());
    }

    private static String encodeToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Integer> decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return text.startsWith("offset:") ? Optional.of(Integer.parseInt(text.substring(7))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- writes: each item succeeds into data[] or fails into fail[]

    /** The outcome of one write item: a data item, or a failure. */
    private record ItemOutcome(JsonNode data, String code, String message) {
        static ItemOutcome ok(JsonNode data) {
            return new ItemOutcome(data, null, null);
        }

        static ItemOutcome fail(String code, String message) {
            return new ItemOutcome(null, code, message);
        }
    }

    private ApiReply write(JsonNode request, Function<JsonNode, ItemOutcome> perItem) {
        JsonNode data = request.get("data");
        if (data.size() == 0) {
            return errors.request(400, "err_validation_null", "data must hold at least one item");
        }
        if (data.size() > maxItemsPerRequest) {
            return errors.request(400, "err_validation_max_items",
                    "At most " + maxItemsPerRequest + " items per request, got " + data.size());
        }
        ObjectNode envelope = errors.envelope(200);
        for (JsonNode item : data) {
            ItemOutcome outcome = item.isObject() ? perItem.apply(item)
                    : ItemOutcome.fail("err_validation_invalid_value", "Each item must be an object");
            if (outcome.code() != null) {
                ((ArrayNode) envelope.get("fail")).add(errors.failure(item, outcome.code(), outcome.message(), false));
            } else if (outcome.data() != null) {
                ((ArrayNode) envelope.get("data")).add(outcome.data());
            }
        }
        return ApiReply.json(200, envelope.toString());
    }

    private ItemOutcome createGroup(JsonNode item) {
        String description = textOrNull(item, "description");
        String parentId = textOrNull(item, "parentId");
        if (description == null || description.isBlank()) {
            return ItemOutcome.fail("err_validation_blank", "description must not be blank");
        }
        if (parentId != null && directory.group(parentId).isEmpty()) {
            return ItemOutcome.fail("err_folder_not_found", "No parent group with id " + parentId);
        }
        return ItemOutcome.ok(group(directory.createGroup(description, parentId, "cloud")));
    }

    private ItemOutcome updateGroup(JsonNode item) {
        String id = textOrNull(item, "id");
        if (id == null) {
            return ItemOutcome.fail("err_validation_null", "id must not be null");
        }
        String description = textOrNull(item, "description");
        if (description != null && description.isBlank()) {
            return ItemOutcome.fail("err_validation_blank", "description must not be blank");
        }
        return directory.updateGroup(id, description, textOrNull(item, "parentId"))
                .map(g -> ItemOutcome.ok(group(g)))
                .orElseGet(() -> ItemOutcome.fail("err_folder_not_found", "No group with id " + id));
    }

    private ItemOutcome deleteGroup(JsonNode item) {
        String id = textOrNull(item, "id");
        if (id == null) {
            return ItemOutcome.fail("err_validation_null", "id must not be null");
        }
        if (directory.group(id).isEmpty()) {
            return ItemOutcome.fail("err_folder_not_found", "No group with id " + id);
        }
        if (directory.memberCount(id) > 0 || directory.childCount(id) > 0) {
            return ItemOutcome.fail("err_folder_not_empty", "The group still has members or child groups");
        }
        directory.deleteGroup(id);
        return ItemOutcome.ok(null);
    }

    private ItemOutcome addGroupMember(JsonNode item) {
        return memberChange(item, true);
    }

    private ItemOutcome removeGroupMember(JsonNode item) {
        return memberChange(item, false);
    }

    private ItemOutcome memberChange(JsonNode item, boolean add) {
        String id = textOrNull(item, "id");
        String email = textOrNull(item, "emailAddress");
        String domain = textOrNull(item, "domain");
        String notes = textOrNull(item, "notes");
        if (id == null) {
            return ItemOutcome.fail("err_validation_null", "id must not be null");
        }
        if ((email == null) == (domain == null)) {
            return ItemOutcome.fail("err_validation_null", "Use exactly one of emailAddress or domain");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            return ItemOutcome.fail("err_validation_invalid_email_address", "Invalid email address");
        }
        if (notes != null && notes.length() > 100) {
            return ItemOutcome.fail("err_validation_max_length", "notes must be at most 100 characters");
        }
        if (directory.group(id).isEmpty()) {
            return ItemOutcome.fail("err_folder_not_found", "No group with id " + id);
        }
        if (directory.isProtected(email != null ? email : domain)) {
            return ItemOutcome.fail("err_xdk_operation_forbidden_for_address",
                    "This operation is not allowed for the address");
        }
        Optional<StoredMember> changed;
        if (add) {
            changed = directory.applyAdd(id, email, domain, notes);
            if (changed.isEmpty()) {
                return ItemOutcome.fail("err_folder_group_member_already_exists", "Already a member of the group");
            }
        } else {
            changed = directory.applyRemove(id, email != null ? email : domain);
            if (changed.isEmpty()) {
                return ItemOutcome.fail("err_folder_email_address_not_found", "Not a member of the group");
            }
        }
        StoredMember member = changed.get();
        ObjectNode data = mapper.createObjectNode().put("folderId", id);
        if (member.emailAddress() != null) {
            data.put("emailAddress", member.emailAddress());
        }
        return ItemOutcome.ok(data.put("id", member.memberId()).put("internal", member.internal()));
    }

    // ---- helpers

    private ApiReply single(JsonNode item) {
        ObjectNode envelope = errors.envelope(200);
        ((ArrayNode) envelope.get("data")).add(item);
        return ApiReply.json(200, envelope.toString());
    }

    private ApiReply failOne(JsonNode key, String code, String message) {
        ObjectNode envelope = errors.envelope(200);
        ((ArrayNode) envelope.get("fail")).add(errors.failure(key, code, message, false));
        return ApiReply.json(200, envelope.toString());
    }

    private JsonNode firstItem(JsonNode request) {
        JsonNode data = request.get("data");
        return data.size() > 0 ? data.get(0) : mapper.createObjectNode();
    }

    private ObjectNode group(StoredGroup g) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", g.id())
                .put("description", g.description())
                .put("source", g.source());
        if (g.parentId() != null) {
            node.put("parentId", g.parentId());
        }
        return node.put("folderCount", directory.childCount(g.id())).put("userCount", directory.memberCount(g.id()));
    }

    private ObjectNode connection() {
        InMemoryDirectory.ConnectionState state = directory.connection();
        ObjectNode connection = mapper.createObjectNode()
                .put("id", "connection-1")
                .put("description", "Emulated Active Directory")
                .put("serverType", "active_directory")
                .put("status", state.status())
                .put("lastSync", state.lastSync())
                .put("syncRunning", state.syncRunning())
                .put("acknowledgeDisabledAccounts", false);
        // As the get-connection page documents: domains is a comma separated String, the LDAP port a Number.
        connection.put("domains", "example.com,example.org");
        connection.putObject("ldapSettings")
                .put("rootDn", "DC=example,DC=com")
                .put("hostname", "ldap.example.com")
                .put("encryptionMode", "ssl")
                .put("port", 636)
                .put("userDn", "CN=mimecast,OU=Service,DC=example,DC=com");
        return connection;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
