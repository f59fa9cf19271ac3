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
abstract class MembershipStore {

    private final Map<String, Object> owners = new HashMap<>();

    /** A description for messages: the file, or the repository and key. */
    abstract String describe(String groupId);

    /** The identities of the group, or null when the group was never read. */
    abstract Set<String> load(String groupId);

    /** Durably records one completed exchange: identities added and removed. */
    abstract void apply(String groupId, Collection<String> added, Collection<String> removed);

    /** The group's poll ended: a good moment to compact what {@link #apply} wrote. */
    void completePoll(String groupId) {
    }

    /** Releases files and locks; called once, when the last consumer using this store stops. */
    void close() {
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
