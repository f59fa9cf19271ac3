package org.apache.camel.component.mimecast.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.model.FailedMemberChange;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;
import org.apache.camel.component.mimecast.emulator.FaultPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.ADDED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DRY_RUN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.FAILED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REMOVED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.UNCHANGED_COUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * set-group-members against the emulator over HTTP; calls are counted from the emulator's request log.
 */
class SetGroupMembersTest extends MimecastTestSupport {

    private static final String SET = "mimecast-directory:set-group-members";

    @Test
    void bigGroupTakesThreeReadsAndSixWritesThenEqualsTheListAndASecondRunWritesNothing() {
        String group = emulator().directory().createGroup("Everyone").id();
        emulator().directory().addMembers(group, 1234);
        List<String> wanted = new ArrayList<>(emulator().directory().memberEmails(group).subList(30, 1234));
        wanted.set(0, wanted.get(0).toUpperCase(Locale.ROOT)); // same member, other case: unchanged
        IntStream.rangeClosed(1, 25).forEach(i -> wanted.add(String.format("joiner%02d@example.com", i)));

        Exchange first = template.request(SET + "?groupId=" + group, e -> e.getMessage().setBody(wanted));

        SetGroupMembersResult result = first.getMessage().getBody(SetGroupMembersResult.class);
        assertEquals(3, emulator().requests("get-group-members").size(), "ceil(1234 / 500) reads");
        assertEquals(3, emulator().requests("add-group-member").size(), "ceil(25 / 10) adds");
        assertEquals(3, emulator().requests("remove-group-member").size(), "ceil(30 / 10) removes");
        assertEquals(0, emulator().requests("set-group-members").size(), "no such Mimecast path is ever called");
        assertEquals(lowerCase(wanted), new HashSet<>(emulator().directory().memberEmails(group)));
        assertEquals(1229, emulator().directory().memberEmails(group).size());
        assertEquals(wanted.subList(1204, 1229), result.added());
        assertEquals(IntStream.rangeClosed(1, 30).mapToObj(i -> String.format("user%05d@example.com", i)).toList(),
                result.removed());
        assertEquals(1204, result.unchanged().size());
        assertTrue(result.failed().isEmpty());
        assertFalse(result.dryRun());
        assertEquals(25, first.getMessage().getHeader(ADDED_COUNT));
        assertEquals(30, first.getMessage().getHeader(REMOVED_COUNT));
        assertEquals(1204, first.getMessage().getHeader(UNCHANGED_COUNT));
        assertEquals(0, first.getMessage().getHeader(FAILED_COUNT));
        assertEquals(9, first.getMessage().getHeader(REQUEST_COUNT));

        Exchange second = template.request(SET + "?groupId=" + group, e -> e.getMessage().setBody(wanted));

        assertEquals(3 + 3, emulator().requests("get-group-members").size(), "the second run reads again");
        assertEquals(3 + 3, writes(), "the second run sends no write");
        assertTrue(second.getMessage().getBody(SetGroupMembersResult.class).isUnchanged());
        assertEquals(1229, second.getMessage().getHeader(UNCHANGED_COUNT));
    }

    @Test
    void dryRunReadsAndReturnsThePlanWithoutWriting() {
        String group = seed("alice@example.com", "bob@example.com");

        SetGroupMembersResult plan = template.requestBodyAndHeader(SET + "?dryRun=true&groupId=" + group,
                List.of("bob@example.com", "carol@example.com"), GROUP_ID, group, SetGroupMembersResult.class);
        // A page token left over from an earlier step must not make it read only part of the group.
        SetGroupMembersResult byHeader = template.requestBodyAndHeaders(SET + "?groupId=" + group,
                List.of("bob@example.com", "carol@example.com"), Map.of(DRY_RUN, "true", PAGE_TOKEN, "stale"),
                SetGroupMembersResult.class);

        for (SetGroupMembersResult result : List.of(plan, byHeader)) {
            assertTrue(result.dryRun());
            assertEquals(List.of("carol@example.com"), result.added());
            assertEquals(List.of("alice@example.com"), result.removed());
            assertEquals(List.of("bob@example.com"), result.unchanged());
        }
        assertEquals(2, emulator().requests("get-group-members").size());
        assertEquals(0, writes());
        assertEquals(List.of("alice@example.com", "bob@example.com"), emulator().directory().memberEmails(group));

        CamelExecutionException badHeader = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(SET + "?groupId=" + group, List.of(), DRY_RUN, "maybe"));
        assertEquals("dryRun", assertInstanceOf(MimecastValidationException.class, badHeader.getCause()).getField());

        SetGroupMembersResult applied = template.requestBodyAndHeader(SET + "?dryRun=true&groupId=" + group,
                List.of("bob@example.com", "carol@example.com"), DRY_RUN, false, SetGroupMembersResult.class);
        assertFalse(applied.dryRun(), "the header overrides the option");
        assertEquals(List.of("bob@example.com", "carol@example.com"), emulator().directory().memberEmails(group));
    }

    @Test
    void moreRemovalsThanMaxRemovalsAreRefusedBeforeAnyWrite() {
        String group = emulator().directory().createGroup("Everyone").id();
        emulator().directory().addMembers(group, 40);
        List<String> wanted = new ArrayList<>(emulator().directory().memberEmails(group).subList(30, 40));
        wanted.add("new@example.com");

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET + "?maxRemovals=29&groupId=" + group, wanted));

        MimecastRemovalLimitException refused = assertInstanceOf(MimecastRemovalLimitException.class,
                thrown.getCause());
        assertTrue(refused.getMessage().contains("removes 30 member(s)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("maxRemovals=29"), refused.getMessage());
        assertEquals(30, refused.getRemovals());
        assertEquals(List.of("new@example.com"), refused.getPlan().added());
        assertEquals(0, writes());
        assertEquals(40, emulator().directory().memberEmails(group).size());

        template.requestBody(SET + "?maxRemovals=30&groupId=" + group, wanted);
        assertEquals(lowerCase(wanted), new HashSet<>(emulator().directory().memberEmails(group)));
    }

    @Test
    void itemsMimecastRejectsAreNamedWithTheChangesThatWereApplied() {
        String group = seed("alice@example.com", "bob@example.com", "ceo@example.com");
        emulator().directory().protectAddress("ceo@example.com");
        emulator().directory().protectAddress("board@example.com");
        List<String> wanted = List.of("alice@example.com", "dave@example.com", "board@example.com");

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET + "?groupId=" + group, wanted));

        MimecastMembershipException partial = assertInstanceOf(MimecastMembershipException.class, thrown.getCause());
        SetGroupMembersResult result = partial.getResult();
        assertEquals(List.of("dave@example.com"), result.added());
        assertEquals(List.of("bob@example.com"), result.removed());
        assertEquals(List.of("board@example.com", "ceo@example.com"),
                result.failed().stream().map(FailedMemberChange::member).toList());
        assertEquals(List.of(MemberChangeType.ADDED, MemberChangeType.REMOVED),
                result.failed().stream().map(FailedMemberChange::change).toList());
        assertEquals(List.of("err_xdk_operation_forbidden_for_address"), partial.getErrorCodes());
        assertTrue(partial.getMessage().contains(
                "Failed: + board@example.com (err_xdk_operation_forbidden_for_address), - ceo@example.com"
                                                 + " (err_xdk_operation_forbidden_for_address). Applied: added"
                                                 + " [dave@example.com], removed [bob@example.com]"),
                partial.getMessage());
        assertEquals(List.of("alice@example.com", "ceo@example.com", "dave@example.com"),
                emulator().directory().memberEmails(group));

        // throwOnItemFailure=false: the same report as the body; the applied changes are not sent again.
        Exchange again = template.request(SET + "?throwOnItemFailure=false&groupId=" + group,
                e -> e.getMessage().setBody(wanted));
        SetGroupMembersResult report = again.getMessage().getBody(SetGroupMembersResult.class);
        assertEquals(List.of(), report.added());
        assertEquals(2, again.getMessage().getHeader(FAILED_COUNT));
        assertEquals(List.of("board@example.com", "ceo@example.com"),
                report.failed().stream().map(FailedMemberChange::member).toList());
        assertEquals(2 + 2, writes(), "only the two rejected items were sent again");
    }

    @Test
    void aRequestThatFailsAsAWholeDoesNotStopTheOthersAndSaysWhatWasApplied() {
        String group = seed("old@example.com");
        List<String> wanted = IntStream.rangeClosed(1, 12).mapToObj(i -> "new" + i + "@example.com").toList();
        // The second add request fails on every attempt (maxRetries=3: four 500s).
        emulator().faults().afterRequests(1, new FaultPlan.Fault(FaultPlan.Kind.STATUS, 500, 0, "add-group-member"),
                4);

        // One call at a time, so that "the second request" is the second batch.
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET + "?maxConcurrentCalls=1&groupId=" + group, wanted));

        MimecastMembershipException partial = assertInstanceOf(MimecastMembershipException.class, thrown.getCause());
        SetGroupMembersResult result = partial.getResult();
        assertEquals(wanted.subList(0, 10), result.added());
        assertEquals(List.of("old@example.com"), result.removed(), "the removes do not depend on the failed adds");
        assertEquals(List.of("new11@example.com", "new12@example.com"),
                result.failed().stream().map(FailedMemberChange::member).toList());
        assertEquals(List.of(false, false),
                result.failed().stream().map(FailedMemberChange::mayHaveBeenApplied).toList(),
                "a 500 on a member add is retried, then reported failed: sending it again is safe");
        assertEquals(500, partial.getHttpStatus());
        assertEquals(1, emulator().requests("remove-group-member").size());

        template.requestBody(SET + "?groupId=" + group, wanted);
        assertEquals(wanted, emulator().directory().memberEmails(group), "running again finishes the job");
    }

    @Test
    void aReadThatFailsHalfwayOrAnUnknownGroupWritesNothing() {
        String group = emulator().directory().createGroup("Everyone").id();
        emulator().directory().addMembers(group, 30);
        // Page 2 of 3 keeps failing: a partial read must never be taken for the whole group.
        emulator().faults().afterRequests(1, new FaultPlan.Fault(FaultPlan.Kind.STATUS, 503, 0, "get-group-members"),
                10);

        CamelExecutionException halfRead = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET + "?pageSize=10&maxRetries=1&groupId=" + group,
                        List.of("new@example.com")));
        assertEquals(503, assertInstanceOf(MimecastApiException.class, halfRead.getCause()).getHttpStatus());

        emulator().faults().clear();
        CamelExecutionException unknown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET + "?groupId=no-such-group", List.of("new@example.com")));
        assertEquals(List.of("err_folder_not_found"),
                assertInstanceOf(MimecastApiException.class, unknown.getCause()).getErrorCodes());
        assertEquals(0, writes());
        assertEquals(30, emulator().directory().memberEmails(group).size());
    }

    @Test
    void domainsMembersAndJsonAreComparedIgnoringCase() {
        String source = seed("alice@example.com", "bob@example.com");
        emulator().directory().addDomain(source, "partner.com", null);
        String target = seed("bob@example.com");
        List<Member> sourceMembers = template.requestBodyAndHeader(
                "mimecast-directory:get-group-members?paginate=true", null, GROUP_ID, source, List.class);

        // Members as read (each user carries its address's domain too) copy one group onto another.
        SetGroupMembersResult copied = template.requestBodyAndHeader(SET, sourceMembers, GROUP_ID, target,
                SetGroupMembersResult.class);

        assertEquals(List.of("alice@example.com", "partner.com"), copied.added());
        assertEquals(List.of("bob@example.com", "alice@example.com", "partner.com"),
                emulator().directory().memberEmails(target));

        int writes = writes();
        SetGroupMembersResult json = template.requestBodyAndHeader(SET,
                "[\"BOB@example.com\", {\"emailAddress\":\"Alice@Example.com\"}, {\"domain\":\"PARTNER.COM\"}]",
                GROUP_ID, target, SetGroupMembersResult.class);
        assertTrue(json.isUnchanged(), json.toString());
        assertEquals(writes, writes());

        // Emptying a group is refused unless the route says so.
        SetGroupMembersResult emptied = template.requestBodyAndHeaders(SET, List.of(),
                java.util.Map.of(GROUP_ID, target, MimecastDirectoryConstants.ALLOW_EMPTY, true),
                SetGroupMembersResult.class);
        assertEquals(3, emptied.removed().size());
        assertEquals(List.of(), emulator().directory().memberEmails(target));
    }

    static Stream<Arguments> badLists() {
        return Stream.of(
                Arguments.of(List.of("a@example.com", "not-an-address@"), "emailAddress",
                        "Item 1 of the body: set-group-members got an invalid emailAddress 'not-an-address@'"),
                Arguments.of(List.of("a@example.com", "b@example.com", "A@Example.COM"), "body",
                        "Items 0 and 2 of the body are the same member 'A@Example.COM'"),
                Arguments.of(List.of(Map.of("emailAddress", "a@example.com", "domain", "other.com")), "body",
                        "Item 0 of the body has both emailAddress 'a@example.com' and domain 'other.com'"),
                Arguments.of(Arrays.asList("a@example.com", null), "body", "Item 1 of the body is null"),
                Arguments.of(List.of("a@example.com", 42), "body", "Item 1 of the body is a java.lang.Integer"),
                Arguments.of(new Object[] { "a@example.com", List.of("b@example.com") }, "body",
                        "Item 1 of the body is a java.util."),
                Arguments.of(new String[] { "a@example.com", null }, "body", "Item 1 of the body is null"),
                Arguments.of(List.of(Map.of("emailAdress", "a@example.com")), "body",
                        "Item 0 of the body has neither emailAddress nor domain (its fields: [emailAdress])"),
                Arguments.of(List.of(" "), "body", "Item 0 of the body is blank"),
                Arguments.of(List.of(Map.of("domain", 7)), "body", "has a domain that is not a string"),
                Arguments.of("[\"a@example.com\", ", "body", "not valid JSON"),
                Arguments.of(null, "body", "needs the wanted members in the body"),
                Arguments.of("a@example.com", "body", "got a java.lang.String"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badLists")
    void badListsAreRejectedBeforeAnyCall(Object body, String field, String messagePart) {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(SET, body, GROUP_ID, "group-1"));

        MimecastValidationException error = assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        assertEquals(field, error.getField(), error.getMessage());
        assertTrue(error.getMessage().contains(messagePart), error.getMessage());
        assertEquals(0, emulator().requests().size(), "no HTTP request for a bad list");
    }

    @Test
    void missingGroupAndBadOptionsAreRejectedBeforeAnyCall() {
        for (String uri : List.of(SET, SET + "?groupId=g&maxRemovals=-2", SET + "?groupId=g&pageSize=0",
                SET + "?groupId=g&batchSize=0")) {
            CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody(uri, List.of("a@example.com")));
            assertInstanceOf(MimecastValidationException.class, thrown.getCause(), uri);
        }
        assertEquals(0, emulator().requests().size());
    }

    @Test
    void setGroupMembersIsNoApiPathAndNoConsumer() {
        IllegalStateException noPath = assertThrows(IllegalStateException.class,
                MimecastDirectoryOperation.SET_GROUP_MEMBERS::path);
        assertTrue(noPath.getMessage().contains("not a Mimecast API call"), noPath.getMessage());

        Exception thrown = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(SET + "?groupId=g").to("mock:never");
            }
        }));
        Throwable cause = thrown;
        while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("use from(\"mimecast-directory:get-group-members"), cause.toString());
        assertEquals(0, emulator().requests().size());
    }

    private String seed(String... emails) {
        String group = emulator().directory().createGroup("Team").id();
        for (String email : emails) {
            emulator().directory().addMember(group, email, null);
        }
        return group;
    }

    private int writes() {
        return emulator().requests("add-group-member").size() + emulator().requests("remove-group-member").size();
    }

    private static Set<String> lowerCase(List<String> emails) {
        return emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
