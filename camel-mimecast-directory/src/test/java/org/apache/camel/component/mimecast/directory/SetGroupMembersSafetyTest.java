package org.apache.camel.component.mimecast.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.mimecast.directory.consumer.GroupReadException;
import org.apache.camel.component.mimecast.directory.model.FailedMemberChange;
import org.apache.camel.component.mimecast.directory.model.ItemResult;
import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;
import org.apache.camel.component.mimecast.directory.support.ScriptedDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.apache.camel.component.mimecast.directory.support.HostileServer.inTurn;
import static org.apache.camel.component.mimecast.directory.support.HostileServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * set-group-members never acts on a bad read or a look-alike address, and is safe by default: an empty list, a plan
 * above the removal limit and a reply that confirms nothing write nothing or report nothing as applied. Against a
 * scripted server, not the emulator.
 */
class SetGroupMembersSafetyTest extends ScriptedServerTestSupport {

    private static final String GROUP = "g-safe";
    private static final String SET = "mimecast-directory:set-group-members" + KEYS + "&groupId=" + GROUP;
    private static final String MEMBERS_PAGE = "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":500}},"
                                               + "\"data\":[{\"groupMembers\":[%s]}],\"fail\":[]}";


    private long writes() {
        return server.requests().stream().filter(r -> r.path().endsWith("-group-member")).count();
    }

    private static String member(String address) {
        return "{\"emailAddress\":\"" + address + "\",\"domain\":\"example.com\",\"type\":\"created_manually\"}";
    }

    private static List<String> people(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"meta\":{\"status\":200}}",
            "{\"meta\":{\"status\":200},\"data\":null,\"fail\":[]}",
            "{\"fail\":[]}",
            "{\"meta\":{\"status\":200},\"data\":[{}],\"fail\":[]}",
            "{\"meta\":{\"status\":200},\"data\":[{\"groupMembers\":[{\"domain\":\"example.com\"}]}],\"fail\":[]}",
            "{\"meta\":{\"status\":200},\"data\":[{\"groupMembers\":[{\"name\":\"No Address\"}]}],\"fail\":[]}" })
    void aMalformedReadOfTheGroupWritesNothing(String reply) {
        server.on("/api/directory/get-group-members", json(200, reply));
        server.on("/api/directory/add-group-member", json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}"));
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET, List.of("a@example.com", "b@example.com")));
        GroupReadException failure = assertInstanceOf(GroupReadException.class, thrown.getCause());
        assertEquals(GROUP, failure.getGroupId());
        assertTrue(failure.getMessage().contains("group " + GROUP), failure.getMessage());
        assertEquals(0, writes(), "no write on a read that is not the group");
    }

    @Test
    void aSecondPageWithoutDataWritesNothing() {
        String first = "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":2,\"next\":\"p2\"}},"
                       + "\"data\":[{\"groupMembers\":[" + member("a@example.com") + "," + member("b@example.com")
                       + "]}],\"fail\":[]}";
        server.on("/api/directory/get-group-members", inTurn(json(200, first),
                json(200, "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":2}}}")));
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET, List.of("a@example.com", "c@example.com")));
        assertInstanceOf(GroupReadException.class, thrown.getCause());
        assertTrue(thrown.getCause().getMessage().contains("page 2"), thrown.getCause().getMessage());
        assertEquals(0, writes());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\uFEFFalice@example.com", "bob@example.com\u00A0", "carol@example.com\u200B",
                             "da\u202Eve@example.com", "eve@exa\u0000mple.com" })
    void anAddressWithAnInvisibleCharacterIsRefusedBeforeAnyCall(String lookAlike) {
        server.on("/api/directory/get-group-members", json(200, String.format(MEMBERS_PAGE,
                member("alice@example.com") + "," + member("bob@example.com") + "," + member("carol@example.com"))));
        List<String> wanted = new ArrayList<>(List.of("alice@example.com", "bob@example.com", "carol@example.com"));
        wanted.add(lookAlike);
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET, wanted));
        MimecastValidationException refused = assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        int invisible = lookAlike.codePoints().filter(c -> c > 0x7E || c < 0x20).findFirst().orElseThrow();
        assertTrue(refused.getMessage().contains(String.format("U+%04X", invisible)) && refused.getMessage()
                .contains("Item 3"), refused.getMessage());
        assertEquals(0, server.requests().size(), "refused before any call");
    }

    @Test
    void aBatchAnsweredWithEmptyDataIsUnconfirmedNotApplied() {
        server.on("/api/directory/add-group-member", json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}"));
        List<?> outcomes = template.requestBody("mimecast-directory:add-group-member" + KEYS + "&groupId=" + GROUP
                                                + "&throwOnItemFailure=false", people("u", 10), List.class);
        assertEquals(10, outcomes.size());
        for (Object outcome : outcomes) {
            ItemResult<?> result = (ItemResult<?>) outcome;
            assertEquals("unconfirmed", result.failure().codes(), result.toString());
        }

        server.on("/api/directory/get-group-members", json(200, String.format(MEMBERS_PAGE, member("a@example.com"))));
        server.on("/api/directory/remove-group-member",
                json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}"));
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET, people("u", 10)));
        MimecastMembershipException partial = assertInstanceOf(MimecastMembershipException.class, thrown.getCause());
        SetGroupMembersResult result = partial.getResult();
        assertTrue(result.added().isEmpty(), "nothing reported added: " + result.added());
        assertEquals(11, result.failed().size(), "10 adds and the remove unconfirmed (the remove got the same reply)");
        assertTrue(result.failed().stream().allMatch(FailedMemberChange::mayHaveBeenApplied), result.toString());
    }

    @Test
    void anEmptyListWritesNothingUnlessAllowed() {
        ScriptedDirectory directory = new ScriptedDirectory(server, GROUP, 0).members(people("m", 3));
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET, List.of()));
        MimecastValidationException refused = assertInstanceOf(MimecastValidationException.class, thrown.getCause());
        assertTrue(refused.getMessage().contains("allowEmpty=true"), refused.getMessage());
        assertEquals(0, server.requests().size());
        assertEquals(3, directory.members().size());

        template.requestBodyAndHeader(SET, List.of(), MimecastDirectoryConstants.ALLOW_EMPTY, true);
        assertTrue(directory.members().isEmpty(), "emptied when the route says so");
    }

    @Test
    void theDefaultRemovalLimitStopsAPlanAboveIt() {
        ScriptedDirectory directory = new ScriptedDirectory(server, GROUP, 0).members(people("m", 501));
        SetGroupMembersResult plan = template.requestBody(SET + "&dryRun=true", List.of("new@example.com"),
                SetGroupMembersResult.class);
        assertEquals(501, plan.removed().size());
        assertEquals(500, plan.maxRemovals());
        assertTrue(plan.removalLimitExceeded(), "the dry run says the limit would stop it");

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET, List.of("new@example.com")));
        MimecastRemovalLimitException refused = assertInstanceOf(MimecastRemovalLimitException.class,
                thrown.getCause());
        assertEquals(500, refused.getMaxRemovals());
        assertEquals(0, directory.writes(), "nothing written");

        template.requestBody(SET + "&maxRemovals=-1", List.of("new@example.com"));
        assertEquals(Set.of("new@example.com"), directory.members(), "-1 switches the limit off");
    }

    @Test
    void twoConcurrentRunsOnOneGroupEndWithTheLastListApplied() throws Exception {
        ScriptedDirectory directory = new ScriptedDirectory(server, GROUP, 0).latency(5);
        List<String> first = people("a", 40);
        List<String> second = people("b", 40);
        for (int round = 0; round < 3; round++) {
            AtomicLong firstDone = new AtomicLong();
            AtomicLong secondDone = new AtomicLong();
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> {
                template.requestBody(SET + "&maxRemovals=-1", first);
                firstDone.set(System.nanoTime());
            });
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> {
                template.requestBody(SET + "&maxRemovals=-1", second);
                secondDone.set(System.nanoTime());
            });
            CompletableFuture.allOf(one, two).get();
            List<String> last = firstDone.get() > secondDone.get() ? first : second;
            assertEquals(Set.copyOf(last), directory.members(), "round " + round + ": the group equals the last list");
        }
    }

    @Test
    void aMemberListedWithAnInvisibleCharacterStopsThePlan() {
        server.on("/api/directory/get-group-members", json(200, String.format(MEMBERS_PAGE,
                member("alice@example.com") + "," + member("bob@example.com\\u00a0"))));
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(SET, List.of("alice@example.com", "bob@example.com")));
        GroupReadException refused = assertInstanceOf(GroupReadException.class, thrown.getCause());
        assertTrue(refused.getMessage().contains("U+00A0"), refused.getMessage());
        assertEquals(0, writes());
    }

    @Test
    void anInternationalisedDomainAndItsAsciiFormAreOneMember() {
        server.on("/api/directory/get-group-members", json(200, String.format(MEMBERS_PAGE,
                member("anna@xn--bcher-kva.de"))));
        SetGroupMembersResult result = template.requestBody(SET, List.of("anna@b\u00fccher.de"),
                SetGroupMembersResult.class);
        assertTrue(result.isUnchanged(), result.toString());
        assertEquals(0, writes());
    }
}
