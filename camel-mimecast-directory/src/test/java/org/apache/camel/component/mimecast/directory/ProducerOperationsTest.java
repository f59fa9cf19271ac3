package org.apache.camel.component.mimecast.directory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.model.Connection;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.GroupMemberRequest;
import org.apache.camel.component.mimecast.directory.model.ItemResult;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChangeResult;
import org.apache.camel.component.mimecast.directory.model.SyncResult;
import org.apache.camel.component.mimecast.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.ITEM_FAILURES;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.NEXT_PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.OPERATION;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation over real HTTP against the emulator.
 */
class ProducerOperationsTest extends MimecastTestSupport {

    @Test
    void findGroupsReturnsTheMatchingGroups() {
        emulator().directory().createGroup("Sales EMEA");
        emulator().directory().createGroup("Sales US");
        emulator().directory().createGroup("Engineering");

        List<Group> groups = template.requestBody("mimecast-directory:find-groups?query=sales", null, List.class);

        assertEquals(List.of("Sales EMEA", "Sales US"), groups.stream().map(Group::description).toList());
        JsonNode sent = json(emulator().requests("find-groups").get(0));
        assertEquals("sales", sent.at("/data/0/query").asText());
    }

    @Test
    void paginateReads1234MembersInExactlyThreeRequests() {
        String group = emulator().directory().createGroup("Everyone").id();
        emulator().directory().addMembers(group, 1234);

        Exchange result = template.request("mimecast-directory:get-group-members?pageSize=500&paginate=true",
                e -> e.getMessage().setHeader(GROUP_ID, group));

        List<Member> members = result.getMessage().getBody(List.class);
        assertEquals(1234, members.size());
        assertEquals(emulator().directory().memberEmails(group),
                members.stream().map(Member::emailAddress).toList(), "every member once, in order");
        List<RecordedRequest> requests = emulator().requests("get-group-members");
        assertEquals(3, requests.size());
        assertEquals(3, requests.stream().map(RecordedRequest::requestId).distinct().count());
        assertEquals(500, json(requests.get(2)).at("/meta/pagination/pageSize").asInt());
        assertEquals(3, result.getMessage().getHeader(REQUEST_COUNT));
        assertNull(result.getMessage().getHeader(NEXT_PAGE_TOKEN), "no next token after the last page");
    }

    @Test
    void onePageAtATimeWithTheNextTokenInAHeader() {
        String group = emulator().directory().createGroup("Everyone").id();
        emulator().directory().addMembers(group, 30);

        Exchange first = template.request("mimecast-directory:get-group-members?pageSize=20&groupId=" + group, e -> {
        });
        String next = first.getMessage().getHeader(NEXT_PAGE_TOKEN, String.class);
        assertEquals(20, first.getMessage().getBody(List.class).size());
        assertNotNull(next);
        assertNotNull(first.getMessage().getHeader(REQUEST_ID));

        Exchange second = template.request("mimecast-directory:get-group-members?pageSize=20&groupId=" + group,
                e -> e.getMessage().setHeader(PAGE_TOKEN, next));
        List<Member> rest = second.getMessage().getBody(List.class);
        assertEquals(10, rest.size());
        assertEquals("user00021@example.com", rest.get(0).emailAddress());
        assertNull(second.getMessage().getHeader(NEXT_PAGE_TOKEN));
    }

    @Test
    void createUpdateAndDeleteAGroup() {
        String parent = emulator().directory().createGroup("Departments").id();

        Group created = template.requestBody(
                "mimecast-directory:create-group?parentId=" + parent, Map.of("description", "Finance"), Group.class);
        assertEquals("Finance", created.description());
        assertEquals(parent, created.parentId());

        Group renamed = template.requestBodyAndHeader("mimecast-directory:update-group?description=Finance+EMEA", null,
                GROUP_ID, created.id(), Group.class);
        assertEquals("Finance EMEA", renamed.description());
        assertEquals("Finance EMEA", emulator().directory().group(created.id()).orElseThrow().description());

        Object deleted = template.requestBody("mimecast-directory:delete-group?groupId=" + created.id(), (Object) null);
        assertEquals(created.id(), deleted);
        assertTrue(emulator().directory().group(created.id()).isEmpty());
    }

    @Test
    void addsAndRemoves25MembersInBatchesOfTenInInputOrder() {
        String group = emulator().directory().createGroup("Staff").id();
        List<String> emails = IntStream.range(0, 25).mapToObj(i -> "person" + i + "@example.com").toList();

        List<MemberChangeResult> added = template.requestBody(
                "mimecast-directory:add-group-member?groupId=" + group, emails, List.class);

        assertEquals(emails, added.stream().map(MemberChangeResult::emailAddress).toList());
        // The batches overlap (maxConcurrentCalls): they may arrive in any order, the results come back in input order.
        assertEquals(List.of(5, 10, 10), itemsPerRequest("add-group-member").stream().sorted().toList());
        assertEquals(Set.copyOf(emails), Set.copyOf(emulator().directory().memberEmails(group)));

        List<MemberChangeResult> removed = template.requestBody(
                "mimecast-directory:remove-group-member?groupId=" + group, emails, List.class);
        assertEquals(emails, removed.stream().map(MemberChangeResult::emailAddress).toList());
        assertEquals(List.of(5, 10, 10), itemsPerRequest("remove-group-member").stream().sorted().toList());
        assertTrue(emulator().directory().memberEmails(group).isEmpty());
    }

    @Test
    void partialBatchFailureNamesTheFailedItemAndKeepsTheSucceededOnes() {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMember(group, "dup@example.com", null);
        List<Object> body = List.of("a@example.com", "dup@example.com",
                new GroupMemberRequest(null, "b@example.com", null, "from HR"));

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:add-group-member?groupId=" + group, body));

        MimecastApiException error = assertInstanceOf(MimecastApiException.class, thrown.getCause());
        assertEquals(200, error.getHttpStatus());
        assertEquals(List.of("err_folder_group_member_already_exists"), error.getErrorCodes());
        assertEquals("dup@example.com", error.getFailures().get(0).key().get("emailAddress"));
        assertTrue(error.getMessage().contains("1 of 3 item(s) failed, 2 succeeded"), error.getMessage());
        assertEquals(List.of("a@example.com", "b@example.com"), error.getSucceeded().stream()
                .map(r -> ((MemberChangeResult) r).emailAddress()).toList());
    }

    @Test
    void perItemResultsInsteadOfAnException() {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMember(group, "dup@example.com", null);

        Exchange result = template.request(
                "mimecast-directory:add-group-member?throwOnItemFailure=false&groupId=" + group,
                e -> e.getMessage().setBody(List.of("a@example.com", "dup@example.com")));

        List<ItemResult<MemberChangeResult>> outcomes = result.getMessage().getBody(List.class);
        assertTrue(outcomes.get(0).isSuccess());
        assertEquals("a@example.com", outcomes.get(0).result().emailAddress());
        assertFalse(outcomes.get(1).isSuccess());
        assertEquals("err_folder_group_member_already_exists", outcomes.get(1).failure().codes());
        assertEquals(1, result.getMessage().getHeader(ITEM_FAILURES, List.class).size());
    }

    @Test
    void getConnectionAndExecuteSync() {
        Connection connection = template.requestBody("mimecast-directory:get-connection", null, Connection.class);
        assertEquals("active_directory", connection.serverType());
        assertEquals("example.com,example.org", connection.domains());
        assertEquals(List.of("example.com", "example.org"), connection.domainList());
        assertEquals("ldap.example.com", connection.ldapSettings().hostname());
        assertEquals("636", connection.ldapSettings().port());

        SyncResult sync = template.requestBody("mimecast-directory:execute-sync", null, SyncResult.class);
        assertEquals("started", sync.syncStatus());
        assertEquals("[]", json(emulator().requests("execute-sync").get(0)).get("data").toString());
    }

    @Test
    void acceptsJsonStringsEnvelopesMapsAndTheOperationHeader() {
        String group = emulator().directory().createGroup("Staff").id();

        template.requestBody("mimecast-directory:add-group-member",
                "{\"id\":\"" + group + "\",\"emailAddress\":\"json@example.com\"}");
        template.requestBody("mimecast-directory:add-group-member",
                "{\"data\":[{\"id\":\"" + group + "\",\"domain\":\"partner.org\"}]}");
        template.requestBody("mimecast-directory:add-group-member",
                Map.of("groupId", group, "emailAddress", "map@example.com", "notes", "via map"));
        template.requestBodyAndHeaders("mimecast-directory:find-groups", "map2@example.com",
                Map.of(OPERATION, "add-group-member", GROUP_ID, group));

        assertEquals(List.of("json@example.com", "partner.org", "map@example.com", "map2@example.com"),
                emulator().directory().memberEmails(group));
        assertEquals("via map", emulator().directory().members(group).get(2).notes());
    }

    @Test
    void acceptsJsonAsBytesOrAStreamArraysAndUnmarshalledEnvelopes() {
        String group = emulator().directory().createGroup("Staff").id();
        String uri = "mimecast-directory:add-group-member?groupId=" + group;

        template.requestBody(uri, "{\"emailAddress\":\"bytes@example.com\"}".getBytes(StandardCharsets.UTF_8));
        byte[] jsonArray = "[\"stream@example.com\"]".getBytes(StandardCharsets.UTF_8);
        template.requestBody(uri, new ByteArrayInputStream(jsonArray));
        template.requestBody(uri, new Object[] {"array@example.com", new GroupMemberRequest(null, null, "partner.org",
                null)});
        template.requestBody(uri, Map.of("data", List.of(Map.of("emailAddress", "envelope@example.com"))));

        assertEquals(List.of("bytes@example.com", "stream@example.com", "array@example.com", "partner.org",
                "envelope@example.com"), emulator().directory().memberEmails(group));
    }

    @Test
    void resultsSerializeBackToMimecastJson() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);

        List<Member> members = template.requestBody("mimecast-directory:get-group-members?groupId=" + group, null,
                List.class);
        String json = new ObjectMapper().writeValueAsString(members);

        JsonNode served = json(emulator().requests("get-group-members").get(0));
        assertNotNull(served);
        JsonNode written = new ObjectMapper().readTree(json);
        assertEquals("user00001@example.com", written.at("/0/emailAddress").asText());
        assertTrue(written.at("/0/internal").asBoolean());
        assertFalse(json.contains("null"), "absent fields are left out, not written as null: " + json);
    }

    @Test
    void anEndpointUsedBeforeItsStartCreatesItsClient() throws Exception {
        // What happens to an endpoint created while its CamelContext is still starting: its start is deferred.
        MimecastDirectoryEndpoint endpoint = (MimecastDirectoryEndpoint) context
                .getComponent("mimecast-directory", MimecastDirectoryComponent.class)
                .createEndpoint("mimecast-directory:get-connection");
        assertFalse(endpoint.isStarted());
        assertNotNull(endpoint.getClient());
        assertTrue(endpoint.getClient() == endpoint.getClient(), "one client per endpoint");
    }

    private List<Integer> itemsPerRequest(String operation) {
        return emulator().requests(operation).stream().map(r -> json(r).get("data").size()).toList();
    }

    private static JsonNode json(RecordedRequest request) {
        try {
            return new ObjectMapper().readTree(request.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
