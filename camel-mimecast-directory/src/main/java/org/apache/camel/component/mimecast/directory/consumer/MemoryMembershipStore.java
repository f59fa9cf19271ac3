package org.apache.camel.component.mimecast.directory.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** State kept in memory only (neither stateFile nor stateRepository set): a restart starts with a new baseline. */
class MemoryMembershipStore extends MembershipStore {

    protected final Map<String, Set<String>> groups = new HashMap<>();
    protected final Map<String, Set<String>> pending = new HashMap<>();

    @Override
    String describe(String groupId) {
        return "in memory";
    }

    @Override
    synchronized Set<String> load(String groupId) {
        Set<String> members = groups.get(groupId);
        return members == null ? null : new LinkedHashSet<>(members);
    }

    @Override
    synchronized void apply(String groupId, Collection<String> added, Collection<String> removed) {
        groups.put(groupId, applyTo(groups.get(groupId), added, removed));
        Set<String> uncommitted = pending.get(groupId);
        if (uncommitted != null) {
            uncommitted.removeAll(added);
            uncommitted.removeAll(removed);
            if (uncommitted.isEmpty()) {
                pending.remove(groupId);
            }
        }
    }

    @Override
    synchronized void begin(String groupId, Collection<String> identities) {
        pending.computeIfAbsent(groupId, g -> new LinkedHashSet<>()).addAll(identities);
    }

    @Override
    synchronized Set<String> pending(String groupId) {
        Set<String> uncommitted = pending.get(groupId);
        return uncommitted == null ? Set.of() : new LinkedHashSet<>(uncommitted);
    }
}
