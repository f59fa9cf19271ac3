package org.apache.camel.component.mimecast.directory.consumer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryEndpoint;
import org.apache.camel.component.mimecast.directory.MimecastTestSupport;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * removalConfirmation: a member missing from a read is confirmed gone by a second read in the same poll (secondRead,
 * the default) or by the next poll (nextPoll: no extra call, REMOVED one poll later). The calls per poll of both,
 * counted at the emulator.
 */
class RemovalConfirmationTest extends MimecastTestSupport {

    private static final int MEMBERS = 1_000;
    private static final int PAGE_SIZE = 100;

    @Test
    void callsPerPollThatSeesARemovalSecondReadAgainstNextPoll() {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, MEMBERS);
        GroupReader reader = new GroupReader(client(), PAGE_SIZE);
        WatchedGroup watched = new WatchedGroup(group, "Staff");
        Set<String> stored = new LinkedHashSet<>(emulator().directory().memberEmails(group));
        emulator().directory().removeMember(group, "user00003@example.com");

        int start = calls();
        GroupDiff secondRead = GroupDiff.read(reader, watched, stored, Set.of());
        int secondReadCalls = calls() - start;
        assertEquals(List.of("user00003@example.com"), removed(secondRead));

        Set<String> missing = new LinkedHashSet<>();
        start = calls();
        GroupDiff firstPoll = GroupDiff.read(reader, watched, stored, Set.of(), missing);
        int nextPollFirstCalls = calls() - start;
        assertEquals(List.of(), removed(firstPoll), "not yet: one read only");
        assertEquals(Set.of("user00003@example.com"), missing);
        start = calls();
        GroupDiff secondPoll = GroupDiff.read(reader, watched, stored, Set.of(), missing);
        int nextPollSecondCalls = calls() - start;
        assertEquals(List.of("user00003@example.com"), removed(secondPoll), "REMOVED one poll later");

        int oneRead = (MEMBERS - 1 + PAGE_SIZE - 1) / PAGE_SIZE;
        assertEquals(2 * oneRead, secondReadCalls, "secondRead: the group is read twice");
        assertEquals(oneRead, nextPollFirstCalls, "nextPoll: no extra call");
        assertEquals(oneRead, nextPollSecondCalls);
        System.out.printf("RemovalConfirmationTest: a poll that sees a removal at %,d members, %d a page: secondRead "
                          + "%d calls, nextPoll %d calls (REMOVED by the poll after, %d calls)%n", MEMBERS, PAGE_SIZE,
                secondReadCalls, nextPollFirstCalls, nextPollSecondCalls);
    }

    @Test
    void nextPollReportsOnlyMembersMissingFromTwoPollsInARow() {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 5);
        GroupReader reader = new GroupReader(client(), PAGE_SIZE);
        WatchedGroup watched = new WatchedGroup(group, "Staff");
        Set<String> stored = new LinkedHashSet<>(emulator().directory().memberEmails(group));
        stored.add("missed.once@example.com"); // stored, missing from the last read, back in this one
        emulator().directory().addMember(group, "missed.once@example.com", null);
        stored.add("gone@example.com"); // stored, missing from the last read and from this one
        Set<String> missing = new LinkedHashSet<>(Set.of("missed.once@example.com", "gone@example.com"));

        GroupDiff diff = GroupDiff.read(reader, watched, stored, Set.of(), missing);
        assertEquals(List.of("gone@example.com"), removed(diff));
        assertEquals(1, diff.removals(), "counted against maxRemovals when reported");
        assertEquals(Set.of("gone@example.com"), missing, "still missing: the store commits it with the exchange");
    }

    @Test
    void aRouteWithNextPollDeliversTheRemovalOnTheFollowingPoll() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
        MockEndpoint changes = getMockEndpoint("mock:changes");
        changes.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mimecast-directory:get-group-members?mode=changes&removalConfirmation=nextPoll&groupId=" + group
                     + "&delay=200&initialDelay=0").to("mock:changes");
            }
        });
        changes.assertIsSatisfied(10_000);
        changes.reset();
        changes.expectedMessageCount(1);
        int before = calls();
        emulator().directory().removeMember(group, "user00002@example.com");
        changes.assertIsSatisfied(10_000);
        MemberChange change = (MemberChange) changes.getExchanges().get(0).getMessage().getBody(List.class).get(0);
        assertEquals(MemberChangeType.REMOVED, change.changeType());
        assertEquals("user00002@example.com", change.member().identity());
        assertTrue(calls() - before >= 2, "reported by the second poll that missed it at the earliest");
    }

    private static List<String> removed(GroupDiff diff) {
        return diff.changes().stream().filter(c -> c.changeType() == MemberChangeType.REMOVED)
                .map(c -> c.member().identity()).toList();
    }

    private int calls() {
        return emulator().requests("get-group-members").size();
    }

    private org.apache.camel.component.mimecast.directory.client.MimecastClient client() {
        return context.getEndpoint("mimecast-directory:get-group-members", MimecastDirectoryEndpoint.class).getClient();
    }
}
