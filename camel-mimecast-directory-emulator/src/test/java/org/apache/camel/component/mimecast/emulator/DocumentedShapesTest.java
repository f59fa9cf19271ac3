package org.apache.camel.component.mimecast.emulator;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the emulator to the Mimecast pages: every reply has the shape of the documented sample of its operation
 * (classpath {@code mimecast-api-samples/}): no field the page does not list, and each field of the JSON type the
 * sample shows. The component's tests read the same samples, so the emulator cannot drift from the docs unseen.
 */
class DocumentedShapesTest {

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private String token;
    private String parentId;
    private String groupId;

    @BeforeEach
    void seedAndAuthenticate() throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        parentId = directory.createGroup("Sales").id();
        groupId = directory.createGroup("Sales EMEA", parentId, "cloud").id();
        directory.addMembers(groupId, 30);
        directory.addDomain(groupId, "partner.example", null);
        String form = "client_id=" + enc(mimecast.emulator().clientId()) + "&client_secret="
                      + enc(mimecast.emulator().clientSecret()) + "&grant_type=client_credentials";
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(mimecast.emulator().baseUrl()
                                                                                 + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        token = mapper.readTree(reply.body()).get("access_token").asText();
    }

    @Test
    void getConnectionHasTheDocumentedShape() throws Exception {
        JsonNode reply = call("get-connection", "{\"data\":[]}");
        assertSameShape("get-connection", reply);
        assertTrue(reply.at("/data/0/domains").isTextual(), "domains is a String (comma separated)");
        assertTrue(reply.at("/data/0/ldapSettings/port").isNumber(), "the sample's port is a Number");
    }

    @Test
    void findGroupsHasTheDocumentedShape() throws Exception {
        JsonNode reply = call("find-groups", "{\"meta\":{\"pagination\":{\"pageSize\":1}},\"data\":[{\"query\":\"Sales\"}]}");
        assertSameShape("find-groups", reply);
        assertFalse(reply.at("/meta/pagination/next").isMissingNode(), "a first page of two has a next token");
        assertTrue(reply.at("/data/0/folders/0/folderCount").isNumber());
    }

    @Test
    void getGroupMembersHasTheDocumentedShape() throws Exception {
        JsonNode reply = call("get-group-members",
                "{\"meta\":{\"pagination\":{\"pageSize\":25}},\"data\":[{\"id\":\"" + groupId + "\"}]}");
        assertSameShape("get-group-members", reply);
        assertEquals(25, reply.at("/data/0/groupMembers").size());
        JsonNode last = call("get-group-members", "{\"meta\":{\"pagination\":{\"pageSize\":25,\"pageToken\":\""
                                                  + reply.at("/meta/pagination/next").asText() + "\"}},\"data\":[{\"id\":\""
                                                  + groupId + "\"}]}");
        assertSameShape("get-group-members", last);
        assertTrue(last.at("/meta/pagination/next").isMissingNode(), "next is absent on the last page");
    }

    @Test
    void createGroupHasTheDocumentedShape() throws Exception {
        assertSameShape("create-group",
                call("create-group", "{\"data\":[{\"description\":\"New\",\"parentId\":\"" + parentId + "\"}]}"));
    }

    @Test
    void removeGroupMemberHasTheDocumentedShape() throws Exception {
        String email = mimecast.emulator().directory().memberEmails(groupId).get(0);
        assertSameShape("remove-group-member", call("remove-group-member",
                "{\"data\":[{\"id\":\"" + groupId + "\",\"emailAddress\":\"" + email + "\"}]}"));
    }

    private JsonNode call(String operation, String body) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(mimecast.emulator().baseUrl()
                                                                                 + "/api/directory/" + operation))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return mapper.readTree(reply.body());
    }

    private void assertSameShape(String operation, JsonNode actual) throws Exception {
        JsonNode documented;
        try (InputStream sample = getClass().getResourceAsStream("/mimecast-api-samples/" + operation + ".json")) {
            documented = mapper.readTree(sample);
        }
        List<String> differences = new ArrayList<>();
        compare(documented, actual, operation, differences);
        assertTrue(differences.isEmpty(), () -> operation + " differs from the documented sample: " + differences
                                                + "\nreply: " + actual);
        assertFalse(actual.get("data").isEmpty(), operation + " returned data");
    }

    /** Every field of {@code actual} is documented, with the sample's JSON type; arrays compared item by item. */
    private static void compare(JsonNode documented, JsonNode actual, String path, List<String> differences) {
        if (actual.isNull()) {
            return;
        }
        if (documented.getNodeType() != actual.getNodeType()) {
            differences.add(path + " is " + actual.getNodeType() + ", documented " + documented.getNodeType());
            return;
        }
        if (actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = actual.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode expected = documented.get(field.getKey());
                if (expected == null) {
                    differences.add(path + "." + field.getKey() + " is not documented");
                } else {
                    compare(expected, field.getValue(), path + "." + field.getKey(), differences);
                }
            }
        } else if (actual.isArray() && !documented.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(documented.get(0), actual.get(i), path + "[" + i + "]", differences);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
