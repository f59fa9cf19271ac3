package org.apache.camel.component.mimecast.directory.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The membership of each group as the downstream view knows it: the members of the last completed poll, advanced by
 * every exchange that completed since. Subclasses make each {@link #apply} durable before it returns, so that a crash
 * repeats at most the exchange that was in flight. A store may be shared by several consumers (routes); each group
 * belongs to one consumer at a time (see {@link #claim}).
 */
abstract class MembershipStore implements AutoCloseable {

    private final Map<String, Object> owners = new HashMap<>();

    /** A description for messages: the file, or the repository and key. */
    abstract String describe(String groupId);

    /** The identities of the group, or null when the group was never read. */
    abstract Set<String> load(String groupId);

    /**
     * Durably records one completed exchange: identities added and removed. Its identities are no longer pending (see
     * {@link #begin}).
     */
    abstract void apply(String groupId, Collection<String> added, Collection<String> removed);

    /**
     * Durably records that an exchange about these identities is about to be emitted. Until {@link #apply} commits it,
     * they are pending: the exchange may have reached the downstream view (a crash or a failing route after part of
     * it), so the next poll sends their current status again, ADDED or REMOVED, whatever the stored membership says.
     * Without this, a member whose ADDED was in flight at a crash and who left before the next poll would never be
     * reported REMOVED.
     */
    abstract void begin(String groupId, Collection<String> identities);

    /** The identities of exchanges begun and not committed (see {@link #begin}); empty when none. */
    abstract Set<String> pending(String groupId);

    /** The group's poll ended: a good moment to compact what {@link #apply} wrote. */
    void completePoll(String groupId) {
    }

    /** Releases files and locks; called once, when the last consumer using this store stops. */
    @Override
    public void close() {
    }

    /**
     * Takes the group for one consumer: two consumers advancing one group's state would each skip what the other
     * delivered.
     *
     * @throws IllegalStateException when another consumer has it
     */
    synchronized void claim(String groupId, Object owner) {
        Object current = owners.putIfAbsent(groupId, owner);
        if (current != null && current != owner) {
            throw new IllegalStateException(
                    "Group " + groupId + " is already watched by another mode=changes consumer with the same state ("
                                            + describe(groupId) + "). Each consumer needs its own state for a group: "
                                            + "give the routes different stateFile (or stateRepository) options");
        }
    }

    synchronized void releaseAll(Object owner) {
        owners.values().removeIf(o -> o == owner);
    }

    /** Applies a delta to a set: what every store does to its in-memory copy. */
    static Set<String> applyTo(Set<String> members, Collection<String> added, Collection<String> removed) {
        Set<String> result = members == null ? new LinkedHashSet<>() : members;
        result.addAll(added);
        result.removeAll(removed);
        return result;
    }
}
