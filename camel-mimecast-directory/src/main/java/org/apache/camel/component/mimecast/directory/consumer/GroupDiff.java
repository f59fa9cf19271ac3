package org.apache.camel.component.mimecast.directory.consumer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;

/**
 * A group's changes since its stored membership.
 *
 * @param group    the group
 * @param baseline true when the group had no stored membership (every member is ADDED)
 * @param changes  additions in the order read, then removals
 * @param removals how many of the changes remove a member of the stored membership (a pending member's REMOVED, see
 *                 {@link MembershipStore#begin}, may concern one the downstream view never saw: not counted against
 *                 maxRemovals)
 * @param members  how many members the group has as read
 */
record GroupDiff(WatchedGroup group, boolean baseline, List<MemberChange> changes, int removals, int members) {

    /**
     * Reads the group and compares it with {@code previous}. A read that shows removals is confirmed by a second full
     * read: a member removed while the pages are read shifts later members to earlier pages, so a member can be
     * missed by one read. Members seen in either read count as present; only members absent from both are REMOVED.
     * Costs one extra read of the group, only in polls that see removals. The {@code pending} identities (an exchange
     * about them may have been delivered without being committed) get their current status again: ADDED when
     * present, REMOVED when absent, whatever {@code previous} says.
     */
    static GroupDiff read(GroupReader reader, WatchedGroup group, Set<String> previous, Set<String> pending) {
        return read(reader, group, previous, pending, null);
    }

    /**
     * As {@link #read(GroupReader, WatchedGroup, Set, Set)}, but with {@code missingLastPoll} not null
     * (removalConfirmation=nextPoll) a missing member is confirmed by the next poll instead of a second read: only
     * members missing from this read and from the last poll's are REMOVED. On return {@code missingLastPoll} holds
     * the members missing from this read, for the next poll.
     */
    static GroupDiff read(
            GroupReader reader, WatchedGroup group, Set<String> previous, Set<String> pending,
            Set<String> missingLastPoll) {
        Map<String, Member> current = reader.readAll(group);
        Set<String> removed = new LinkedHashSet<>();
        if (previous != null) {
            previous.stream().filter(identity -> !current.containsKey(identity)).forEach(removed::add);
        }
        pending.stream().filter(identity -> !current.containsKey(identity)).forEach(removed::add);
        if (missingLastPoll != null) {
            Set<String> missingNow = new LinkedHashSet<>(removed);
            removed.retainAll(missingLastPoll);
            missingLastPoll.clear();
            missingLastPoll.addAll(missingNow);
        } else if (!removed.isEmpty()) {
            Map<String, Member> confirmation = reader.readAll(group);
            removed.removeIf(confirmation::containsKey);
            confirmation.forEach(current::putIfAbsent);
        }
        List<MemberChange> changes = new ArrayList<>();
        current.forEach((identity, member) -> {
            if (previous == null || !previous.contains(identity) || pending.contains(identity)) {
                changes.add(new MemberChange(group.id(), MemberChangeType.ADDED, member));
            }
        });
        removed.forEach(identity -> changes.add(new MemberChange(group.id(), MemberChangeType.REMOVED,
                removedMember(identity))));
        int removalsOfStoredMembers = previous == null ? 0 : (int) removed.stream().filter(previous::contains).count();
        return new GroupDiff(group, previous == null, changes, removalsOfStoredMembers, current.size());
    }

    /** The identities a slice of changes adds or removes ({@code type}), or both ({@code null}), for the store. */
    static Set<String> identities(List<MemberChange> slice, MemberChangeType type) {
        Set<String> identities = new LinkedHashSet<>();
        slice.stream().filter(c -> type == null || c.changeType() == type)
                .forEach(c -> identities.add(c.member().identity()));
        return identities;
    }

    private static Member removedMember(String identity) {
        return identity.contains("@") ? new Member(identity, null, null, null, null)
                : new Member(null, null, identity, "domain", null);
    }
}
