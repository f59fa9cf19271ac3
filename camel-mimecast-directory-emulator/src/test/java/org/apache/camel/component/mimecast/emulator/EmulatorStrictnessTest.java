package org.apache.camel.component.mimecast.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator refuses what Mimecast refuses: checked with a plain JDK HTTP client and a hand-written signature.
 */
class EmulatorStrictnessTest {

    private static final DateTimeFormatter DATE
            = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String PATH = "/api/directory/find-groups";

    @RegisterExtension
    static MimecastEmulatorExtension mimecast = new MimecastEmulatorExtension();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void acceptsACorrectlySignedRequest() throws Exception {
        mimecast.emulator().directory().createGroup("Sales");
        HttpResponse<String> response = send(PATH, "{\"data\":[{\"query\":\"sal\"}]}", Instant.now(),
                UUID.randomUUID().toString(), mimecast.emulator().credentials().appKey());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Sales", json(response).at("/data/0/folders/0/description").asText());
        assertEquals(0, json(response).get("fail").size());
    }

    @Test
    void rejectsAWrongSignature() throws Exception {
        HttpResponse<String> response = send(PATH, "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(),
                "not-the-app-key");
        assertError(response, 401, "err_xdk_invalid_signature");
    }

    @Test
    void rejectsADateMoreThanFifteenMinutesOff() throws Exception {
        assertError(send(PATH, "{\"data\":[]}", Instant.now().minus(Duration.ofMinutes(16)),
                UUID.randomUUID().toString(), appKey()), 401, "err_xdk_invalid_date");
        assertError(send(PATH, "{\"data\":[]}", Instant.now().plus(Duration.ofMinutes(16)),
                UUID.randomUUID().toString(), appKey()), 401, "err_xdk_invalid_date");
        assertEquals(200, send(PATH, "{\"data\":[]}", Instant.now().minus(Duration.ofMinutes(14)),
                UUID.randomUUID().toString(), appKey()).statusCode());
    }

    @Test
    void rejectsAReusedRequestId() throws Exception {
        String id = UUID.randomUUID().toString();
        assertEquals(200, send(PATH, "{\"data\":[]}", Instant.now(), id, appKey()).statusCode());
        assertError(send(PATH, "{\"data\":[]}", Instant.now(), id, appKey()), 401, "err_xdk_duplicate_request_id");
    }

    @Test
    void rejectsMissingHeadersAndUnknownApplications() throws Exception {
        HttpRequest noHeaders = HttpRequest.newBuilder(URI.create(mimecast.emulator().baseUrl() + PATH))
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[]}")).build();
        assertError(http.send(noHeaders, HttpResponse.BodyHandlers.ofString()), 401, "err_xdk_missing_header");

        HttpRequest wrongApp = signed(PATH, "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(), appKey())
                .setHeader("x-mc-app-id", "someone-else").build();
        assertError(http.send(wrongApp, HttpResponse.BodyHandlers.ofString()), 401, "err_developer_key");
    }

    @Test
    void rejectsBadJsonAndANonArrayData() throws Exception {
        assertError(send(PATH, "{\"data\":[", Instant.now(), UUID.randomUUID().toString(), appKey()), 400,
                "err_validation_invalid_json");
        assertError(send(PATH, "{\"data\":{\"query\":\"x\"}}", Instant.now(), UUID.randomUUID().toString(), appKey()),
                400, "err_validation_invalid_type");
        assertError(send(PATH, "{\"meta\":{}}", Instant.now(), UUID.randomUUID().toString(), appKey()), 400,
                "err_validation_null");
    }

    @Test
    void pagesWithCursorTokensAndReportsItemFailuresInFail() throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        String group = directory.createGroup("All").id();
        directory.addMembers(group, 5);
        String path = "/api/directory/get-group-members";

        JsonNode first = json(send(path, "{\"meta\":{\"pagination\":{\"pageSize\":2}},\"data\":[{\"id\":\"" + group
                                         + "\"}]}", Instant.now(), UUID.randomUUID().toString(), appKey()));
        assertEquals(2, first.at("/data/0/groupMembers").size());
        assertFalse(first.at("/meta/pagination").has("previous"));
        String next = first.at("/meta/pagination/next").asText();
        JsonNode last = json(send(path, "{\"meta\":{\"pagination\":{\"pageSize\":3,\"pageToken\":\"" + next
                                        + "\"}},\"data\":[{\"id\":\"" + group + "\"}]}",
                Instant.now(), UUID.randomUUID().toString(), appKey()));
        assertEquals("user00003@example.com", last.at("/data/0/groupMembers/0/emailAddress").asText());
        assertFalse(last.at("/meta/pagination").has("next"), "no next on the last page");
        assertTrue(last.at("/meta/pagination").has("previous"));

        JsonNode add = json(send("/api/directory/add-group-member", "{\"data\":[{\"id\":\"" + group
                                                                    + "\",\"emailAddress\":\"user00001@example.com\"},{\"id\":\"" + group
                                                                    + "\",\"emailAddress\":\"new@example.com\"}]}",
                Instant.now(), UUID.randomUUID().toString(), appKey()));
        assertEquals(1, add.get("data").size());
        assertEquals("err_folder_group_member_already_exists", add.at("/fail/0/errors/0/code").asText());
        assertEquals("user00001@example.com", add.at("/fail/0/key/emailAddress").asText(), "the key echoes the item");
    }

    @Test
    void getConnectionReportsTheSyncStateThatExecuteSyncAndTheTestSet() throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        String path = "/api/directory/get-connection";
        JsonNode initial = json(send(path, "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(), appKey()));
        assertEquals("ok", initial.at("/data/0/status").asText());
        assertFalse(initial.at("/data/0/syncRunning").asBoolean());

        json(send("/api/directory/execute-sync", "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(),
                appKey()));
        assertTrue(json(send(path, "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(), appKey()))
                .at("/data/0/syncRunning").asBoolean(), "execute-sync starts a sync");

        directory.setConnection(new InMemoryDirectory.ConnectionState("error", "2026-11-24T08:00:00+0000", false));
        JsonNode failed = json(send(path, "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(), appKey()));
        assertEquals("error", failed.at("/data/0/status").asText());
        assertEquals("2026-11-24T08:00:00+0000", failed.at("/data/0/lastSync").asText());
    }

    @Test
    void rejectsMoreThanTenItemsPerWrite() throws Exception {
        String group = mimecast.emulator().directory().createGroup("All").id();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"").append(group).append("\",\"emailAddress\":\"u")
                    .append(i).append("@example.com\"}");
        }
        assertError(send("/api/directory/add-group-member", "{\"data\":[" + items + "]}", Instant.now(),
                UUID.randomUUID().toString(), appKey()), 400, "err_validation_max_items");
    }

    @Test
    void injectsRateLimitsWithResetHeaders() throws Exception {
        mimecast.emulator().faults().rateLimit(1, 1500);
        HttpResponse<String> limited = send(PATH, "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(),
                appKey());
        assertEquals(429, limited.statusCode());
        assertEquals("1500", limited.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertTrue(limited.body().contains("Over throttling limit"));
        assertEquals(200, send(PATH, "{\"data\":[]}", Instant.now(), UUID.randomUUID().toString(), appKey())
                .statusCode());
    }

    @Test
    void aPageHookChangesTheGroupBetweenTwoPageReadsAndShiftsTheLaterPages() throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        String group = directory.createGroup("Staff").id();
        directory.addMembers(group, 4);
        mimecast.emulator().faults().afterPage(group, 1, d -> d.removeMember(group, "user00002@example.com"));

        JsonNode page1 = json(members(group, null));
        assertEquals("user00002@example.com", page1.at("/data/0/groupMembers/1/emailAddress").asText());
        JsonNode page2 = json(members(group, page1.at("/meta/pagination/next").asText()));
        assertEquals(1, page2.at("/data/0/groupMembers").size(), "user00003 moved to page 1: a reader misses it");
        assertEquals("user00004@example.com", page2.at("/data/0/groupMembers/0/emailAddress").asText());
        assertEquals(0, mimecast.emulator().faults().pending());
    }

    @Test
    void malformedGroupMemberRepliesAreHttp200WithTheGivenShape() throws Exception {
        String group = mimecast.emulator().directory().createGroup("Staff").id();
        for (FaultPlan.MalformedReply reply : FaultPlan.MalformedReply.values()) {
            mimecast.emulator().faults().malformedGroupMembers(1, reply);
            HttpResponse<String> response = members(group, null);
            assertEquals(200, response.statusCode());
            assertEquals(mapper.readTree(reply.body()), json(response), reply.name());
        }
        assertEquals(0, json(members(group, null)).at("/data/0/groupMembers").size(), "then a well-formed empty group");
    }

    @Test
    void aDeletedGroupAnswersNotFoundInFail() throws Exception {
        InMemoryDirectory directory = mimecast.emulator().directory();
        String group = directory.createGroup("Staff").id();
        directory.addMembers(group, 2);
        directory.deleteGroup(group);
        JsonNode reply = json(members(group, null));
        assertEquals("err_folder_not_found", reply.at("/fail/0/errors/0/code").asText());
        assertEquals(0, reply.get("data").size());
    }

    private HttpResponse<String> members(String group, String pageToken) throws Exception {
        String pagination = "{\"pageSize\":2" + (pageToken == null ? "" : ",\"pageToken\":\"" + pageToken + "\"") + "}";
        return send("/api/directory/get-group-members", "{\"meta\":{\"pagination\":" + pagination
                                                        + "},\"data\":[{\"id\":\"" + group + "\"}]}",
                Instant.now(), UUID.randomUUID().toString(), appKey());
    }

    private String appKey() {
        return mimecast.emulator().credentials().appKey();
    }

    private HttpResponse<String> send(String path, String body, Instant date, String requestId, String appKey)
            throws Exception {
        return http.send(signed(path, body, date, requestId, appKey).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder signed(String path, String body, Instant date, String requestId, String appKey)
            throws Exception {
        EmulatorCredentials credentials = mimecast.emulator().credentials();
        String hdrDate = DATE.format(date);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(credentials.secretKey()), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((hdrDate + ":" + requestId + ":" + path + ":" + appKey).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(mimecast.emulator().baseUrl() + path))
                .header("Authorization", "MC " + credentials.accessKey() + ":" + signature)
                .header("x-mc-date", hdrDate)
                .header("x-mc-req-id", requestId)
                .header("x-mc-app-id", credentials.appId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).at("/fail/0/errors/0/code").asText(), response.body());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }
}
